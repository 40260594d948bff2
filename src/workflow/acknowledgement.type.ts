import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';

export interface AcknowledgementRow {
  id: number;
  task_id: number;
  unit_id: number;
  account_id: number;
  note: string | null;
  acknowledged_at: Date;
}

export const ACKNOWLEDGEMENT_SELECT = `SELECT id, task_id, unit_id, account_id, note, acknowledged_at FROM task_acknowledgement`;

@ObjectType('TaskAcknowledgement', { implements: Node, description: 'A unit’s receipt of a task assigned to it (签收).' })
export class AcknowledgementModel extends Node {
  readonly __typename = 'TaskAcknowledgement';
  dbId: number;
  taskId: number;
  unitId: number;
  accountId: number;

  @Field(() => String, { nullable: true, description: 'What the unit wrote when signing (备注), if anything.' })
  note: string | null;

  @Field({ description: 'When the unit signed for the task (ISO 8601).' })
  acknowledgedAt: string;

  static fromRow(row: AcknowledgementRow): AcknowledgementModel {
    return Object.assign(new AcknowledgementModel(), {
      dbId: row.id,
      taskId: row.task_id,
      unitId: row.unit_id,
      accountId: row.account_id,
      note: row.note,
      acknowledgedAt: new Date(row.acknowledged_at).toISOString(),
    });
  }
}
