import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';
import { Role } from './role';
import { UNIT_JSON, type UnitRow } from './unit.type';

/** Assignments with their unit embedded: `FROM assignment a JOIN unit u`. */
export const ASSIGNMENT_SELECT = `SELECT a.id, a.task_id, a.unit_id, a.role, a.position, a.acting_as, a.written_as, ${UNIT_JSON} AS unit
  FROM assignment a JOIN unit u ON u.id = a.unit_id`;

export interface AssignmentRow {
  id: number;
  task_id: number;
  unit_id: number;
  role: Role;
  position: number;
  acting_as: string | null;
  written_as: string;
  unit: UnitRow;
}

@ObjectType('Assignment', { implements: Node, description: 'A unit named in a task: the edge between task and unit, with its role.' })
export class AssignmentModel extends Node {
  readonly __typename = 'Assignment';
  dbId: number;
  taskId: number;
  unitRow: UnitRow;

  @Field(() => Role, { description: 'Lead unit (牵头单位) or co-unit (协同单位).' })
  role: Role;

  @Field(() => Int, { description: 'Order within its cell, from 1.' })
  position: number;

  @Field(() => String, { nullable: true, description: 'The body the unit acts as here, written in brackets after it: 区商务委（区招商中心） → 区招商中心.' })
  actingAs: string | null;

  @Field({ description: 'The name exactly as the document wrote it, before alias resolution (e.g. 区文旅委).' })
  writtenAs: string;

  static fromRow(row: AssignmentRow): AssignmentModel {
    return Object.assign(new AssignmentModel(), {
      dbId: row.id,
      taskId: row.task_id,
      unitRow: row.unit,
      role: row.role,
      position: row.position,
      actingAs: row.acting_as,
      writtenAs: row.written_as,
    });
  }
}
