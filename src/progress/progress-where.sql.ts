import { booleanWhereSql } from '../sql/boolean-where.sql';
import { type Sql, enumFilterSql, sql, stringFilterSql } from '../sql/sql';
import type { ProgressWhere } from './progress.inputs';

/** SQL condition on the progress_update row aliased `pu`. */
export function progressWhereSql(where: ProgressWhere, pu: Sql, depth = 0): Sql {
  return booleanWhereSql(
    where,
    depth,
    (w) => {
      const parts: Sql[] = [];
      if (w.period) parts.push(stringFilterSql([sql`${pu}.period`], w.period));
      if (w.status) parts.push(enumFilterSql(sql`${pu}.status`, w.status, 'progress_status'));
      if (w.text) parts.push(stringFilterSql([sql`${pu}.text`], w.text));
      return parts;
    },
    (w, d) => progressWhereSql(w, pu, d),
  );
}
