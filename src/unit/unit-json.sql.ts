import { type Fields, fromTuple, jsonTuple } from '../graphql/json-tuple';
import { type Sql, sql } from '../graphql/sql';
import type { AssignmentRow } from './assignment.type';
import type { UnitRow } from './unit.type';

/** A UnitRow as JSON inside another query (saves a second statement for the unit). */
export function unitJson(u: Sql, extra: Sql = sql.empty): Sql {
  return sql`json_build_object('id', ${u}.id, 'name', ${u}.name, 'kind', ${u}.kind, 'needs_review', ${u}.needs_review${extra})`;
}

/** The AssignmentRow columns of assignment `a` with its unit `u` embedded (`unitExtra`: more keys for the unit). */
export function assignmentColumns(a: Sql, u: Sql, unitExtra: Sql = sql.empty): Sql {
  return sql`${a}.id, ${a}.task_id, ${a}.unit_id, ${a}.role, ${a}.position, ${a}.acting_as, ${a}.written_as, ${unitJson(u, unitExtra)} AS unit`;
}

const ASSIGNMENT_FIELDS: Fields<AssignmentRow> = ['id', 'task_id', 'unit_id', 'role', 'position', 'acting_as', 'written_as'];
const UNIT_FIELDS: Fields<UnitRow> = ['id', 'name', 'kind', 'needs_review'];

/**
 * An AssignmentRow with its unit as one flat JSON array (json-tuple.ts):
 * the assignment's fields, the unit's, then the unit's aliases (a JSON
 * array) when `aliases` is given.
 */
export function assignmentTuple(a: Sql, u: Sql, aliases?: Sql): Sql {
  return jsonTuple(a, ASSIGNMENT_FIELDS, ...UNIT_FIELDS.map((field) => sql`${u}.${sql.identifier(field)}`), ...(aliases ? [aliases] : []));
}

/** The AssignmentRow of an `assignmentTuple`, with `unit.aliases` when the tuple carries them. */
export function assignmentFromTuple(tuple: readonly unknown[]): AssignmentRow & { unit: UnitRow & { aliases?: string[] } } {
  const row = fromTuple(ASSIGNMENT_FIELDS, tuple);
  const unit: UnitRow & { aliases?: string[] } = fromTuple(UNIT_FIELDS, tuple.slice(ASSIGNMENT_FIELDS.length));
  const aliases = tuple[ASSIGNMENT_FIELDS.length + UNIT_FIELDS.length];
  if (aliases !== undefined) unit.aliases = aliases as string[];
  row.unit = unit;
  return row;
}
