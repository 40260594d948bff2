import { DateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node.interface';
import { ExtensionState } from './extension-state';

registerEnumType(ExtensionState, {
  name: 'ExtensionState',
  description: 'Where an extension request (延期申请) stands.',
  valuesConfig: {
    PENDING: { description: '待审批: awaiting the office’s answer.' },
    APPROVED: { description: '已批准: the office fixed a new deadline (approvedDue).' },
    REFUSED: { description: '不予批准: the office declined; the deadline stands.' },
    WITHDRAWN: { description: '已撤回: the unit took it back before an answer.' },
  },
});

export interface ExtensionRequestRow {
  id: number;
  task_id: number;
  unit_id: number;
  state: ExtensionState;
  previous_due: string;
  requested_due: string;
  approved_due: string | null;
  reason: string;
  progress: string | null;
  comment: string | null;
  version: number;
  requested_at: Date;
  decided_at: Date | null;
}

/** Dates as text: a `date` read through pg would become a JS Date at local midnight. */
export const EXTENSION_REQUEST_COLUMNS = `id, task_id, unit_id, state, to_char(previous_due, 'YYYY-MM-DD') AS previous_due,
  to_char(requested_due, 'YYYY-MM-DD') AS requested_due, to_char(approved_due, 'YYYY-MM-DD') AS approved_due,
  reason, progress, comment, version, requested_at, decided_at`;
export const EXTENSION_REQUEST_SELECT = `SELECT ${EXTENSION_REQUEST_COLUMNS} FROM extension_request`;

@ObjectType('ExtensionRequest', { implements: Node, description: 'A lead unit’s request to move a task’s deadline (延期申请), and the office’s answer (延期审批).' })
export class ExtensionRequestModel extends Node {
  readonly __typename = 'ExtensionRequest';
  dbId: number;
  taskId: number;
  unitId: number;

  @Field(() => ExtensionState, { description: 'Where the request stands (待审批, 已批准, 不予批准, 已撤回).' })
  state: ExtensionState;

  @Field(() => DateResolver, { description: 'The deadline (完成时限) the task had when the request was made.' })
  previousDue: string;

  @Field(() => DateResolver, { description: 'The new deadline the unit asked for (申请延期至).' })
  requestedDue: string;

  @Field(() => DateResolver, { nullable: true, description: 'The deadline the office fixed (批准延期至); null unless APPROVED.' })
  approvedDue: string | null;

  @Field({ description: 'Why the unit needs more time (延期理由).' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'What the unit says is done so far (当前进展).' })
  progress: string | null;

  @Field(() => String, { nullable: true, description: 'The office’s comment (审批意见), or the unit’s when it withdrew.' })
  comment: string | null;

  @Field(() => Int, { description: 'Optimistic concurrency: send it back as `expectedVersion` when approving, refusing or withdrawing.' })
  version: number;

  @Field({ description: 'When the unit asked (ISO 8601).' })
  requestedAt: string;

  @Field(() => String, { nullable: true, description: 'When it was approved, refused or withdrawn (ISO 8601); null while PENDING.' })
  decidedAt: string | null;

  static fromRow(row: ExtensionRequestRow): ExtensionRequestModel {
    return Object.assign(new ExtensionRequestModel(), {
      dbId: row.id,
      taskId: row.task_id,
      unitId: row.unit_id,
      state: row.state,
      previousDue: row.previous_due,
      requestedDue: row.requested_due,
      approvedDue: row.approved_due,
      reason: row.reason,
      progress: row.progress,
      comment: row.comment,
      version: row.version,
      requestedAt: new Date(row.requested_at).toISOString(),
      decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    });
  }
}
