import type { StringFilter } from '../graphql/filters.inputs';
import { type Sql, sql, stringFilterSql } from '../sql/sql';

const j = sql.identifier('j');

/**
 * The row's jurisdiction (by its `jurisdiction_id` column) satisfies the
 * filter: the same short name is another body in another district, so units,
 * leaders and tasks can be narrowed to one.
 */
export function jurisdictionWhereSql(jurisdictionId: Sql, filter: StringFilter): Sql {
  return sql`EXISTS (SELECT 1 FROM jurisdiction ${j} WHERE ${j}.id = ${jurisdictionId} AND ${stringFilterSql([sql`${j}.name`], filter)})`;
}
