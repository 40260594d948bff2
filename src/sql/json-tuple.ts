import { type Sql, sql } from './sql';

/**
 * Rows carried inside another statement (a page's relations, see
 * task-relations.sql.ts) as JSON arrays in a fixed column order, decoded back
 * into the row objects a loader would have produced.
 *
 * Why arrays and not objects: PostgreSQL builds `json_build_object('id', …,
 * 'name', …)` or `row_to_json(r)` of a sub-select record at a noticeably
 * higher cost than the same values in `json_build_array(…)`, and the keys,
 * repeated for every row, are most of the text Node then receives and parses.
 * The flagship's statement with its relations as arrays ran ~19% more
 * transactions per second under pgbench (prepared, 10 clients), and its
 * result shrank from 8.5 to 5.0 KB (issue 7).
 *
 * One field list serves the loader's own SELECT (`columnList`) and the array
 * (`jsonTuple`, `fromTuple`), so a column added for the loader comes along
 * in the relations too, in the same order.
 */
export type Fields<R> = readonly (keyof R & string)[];

/** `alias.a, alias.b, …` (or bare names without an alias): a loader's SELECT list. */
export function columnList<R>(alias: Sql | null, fields: Fields<R>): Sql {
  return sql.join(
    fields.map((field) => (alias ? sql`${alias}.${sql.identifier(field)}` : sql.identifier(field))),
    ', ',
  );
}

/** `json_build_array(alias.a, alias.b, …, extra…)`: one row as a JSON array; `extra` values follow the fields. */
export function jsonTuple<R>(alias: Sql, fields: Fields<R>, ...extra: Sql[]): Sql {
  return sql`json_build_array(${sql.join([columnList(alias, fields), ...extra], ', ')})`;
}

/**
 * The row object of a tuple built by `jsonTuple` with the same fields (extra
 * values are the caller's), its fields starting at `offset` when a tuple
 * carries two rows (an assignment and its unit).
 */
export function fromTuple<R>(fields: Fields<R>, tuple: readonly unknown[], offset = 0): R {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) row[fields[i]] = tuple[offset + i];
  return row as R;
}
