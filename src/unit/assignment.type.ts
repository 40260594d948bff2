import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';
import { Role } from './role';
import type { UnitRow } from './unit.type';
// Evaluated first so Unit registers before Assignment: type-graphql prints types in registration order,
// and the committed SDL has that order (this module once imported a value of unit.type.ts).
import './unit.type';

/** An assignment row with its unit embedded; its columns in order are ASSIGNMENT_FIELDS (unit-json.sql.ts). */
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
