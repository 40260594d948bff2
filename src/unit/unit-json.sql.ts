import { type Fields, columnList, fromTuple, jsonTuple } from '../sql/json-tuple';
import { type Sql, sql } from '../sql/sql';
import type { AssignmentRow } from './assignment.type';
import type { UnitRow } from './unit.type';

/**
 * The row shapes of the unit and assignment tables, in order: the one list the
 * loaders, page statements, lookups and JSON tuples select, so a column added
 * here reaches all of them in the same order (one declaration per table).
 */
const ASSIGNMENT_FIELDS: Fields<AssignmentRow> = ['id', 'task_id', 'unit_id', 'role', 'position', 'acting_as', 'written_as'];
const UNIT_FIELDS: Fields<UnitRow> = ['id', 'name', 'kind', 'needs_review'];

/** The UnitRow columns of unit `u` (bare names without an alias): `u.id, u.name, …`. */
export function unitColumns(u: Sql | null): Sql {
  return columnList(u, UNIT_FIELDS);
}

/** A UnitRow as JSON inside another query (saves a second statement for the unit). */
export function unitJson(u: Sql, extra: Sql = sql.empty): Sql {
  const pairs = UNIT_FIELDS.map((field) => sql`${sql.raw(`'${field}'`)}, ${u}.${sql.identifier(field)}`);
  return sql`json_build_object(${sql.join(pairs, ', ')}${extra})`;
}

/** The AssignmentRow columns of assignment `a` with its unit `u` embedded (`unitExtra`: more keys for the unit). */
export function assignmentColumns(a: Sql, u: Sql, unitExtra: Sql = sql.empty): Sql {
  return sql`${columnList(a, ASSIGNMENT_FIELDS)}, ${unitJson(u, unitExtra)} AS unit`;
}

/**
 * An AssignmentRow with its unit as one flat JSON array (json-tuple.ts):
 * the assignment's fields, the unit's, then the unit's aliases (a JSON
 * array) when `aliases` is given.
 */
export function assignmentTuple(a: Sql, u: Sql, aliases?: Sql): Sql {
  return jsonTuple(a, ASSIGNMENT_FIELDS, unitColumns(u), ...(aliases ? [aliases] : []));
}

/** The AssignmentRow of an `assignmentTuple`, with `unit.aliases` when the tuple carries them. */
export function assignmentFromTuple(tuple: readonly unknown[]): AssignmentRow & { unit: UnitRow & { aliases?: string[] } } {
  const row = fromTuple(ASSIGNMENT_FIELDS, tuple);
  const unit: UnitRow & { aliases?: string[] } = fromTuple(UNIT_FIELDS, tuple, ASSIGNMENT_FIELDS.length);
  const aliases = tuple[ASSIGNMENT_FIELDS.length + UNIT_FIELDS.length];
  if (aliases !== undefined) unit.aliases = aliases as string[];
  row.unit = unit;
  return row;
}
