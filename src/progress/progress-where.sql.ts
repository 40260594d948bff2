import { booleanWhereSql } from '../graphql/boolean-where.sql';
import { type SqlParams, enumFilterSql, stringFilterSql } from '../graphql/sql';
import type { ProgressWhere } from './progress.inputs';

/** SQL condition on the progress_update row aliased `pu`. */
export function progressWhereSql(where: ProgressWhere, params: SqlParams, depth = 0): string {
  return booleanWhereSql(
    where,
    depth,
    (w) => {
      const parts: string[] = [];
      if (w.period) parts.push(stringFilterSql(['pu.period'], w.period, params));
      if (w.status) parts.push(enumFilterSql('pu.status', w.status, params, 'progress_status'));
      if (w.text) parts.push(stringFilterSql(['pu.text'], w.text, params));
      return parts;
    },
    (w, d) => progressWhereSql(w, params, d),
  );
}
