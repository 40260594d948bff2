import { type Sql, sql } from '../sql/sql';

/** The TaskRow columns of a task row joined to its plan row, under the aliases given. */
export function taskColumns(t: Sql, p: Sql): Sql {
  return sql`${t}.id, ${t}.plan_id, ${p}.year, ${t}.section, ${t}.number, ${t}.category_id, ${t}.title, ${t}.content, ${t}.document_id, ${t}.source_line`;
}
