import { booleanWhereSql } from '../graphql/boolean-where.sql';
import { type SqlParams, stringFilterSql } from '../graphql/sql';
import { normaliseLeaderName } from '../import/leader-cell';
import type { LeaderWhere } from './leader.inputs';

/** SQL condition on the leader row aliased `l`. */
export function leaderWhereSql(where: LeaderWhere, params: SqlParams, depth = 0): string {
  return booleanWhereSql(
    where,
    depth,
    (w) => (w.name ? [stringFilterSql(['l.name'], w.name, params, normaliseLeaderName)] : []),
    (w, d) => leaderWhereSql(w, params, d),
  );
}
