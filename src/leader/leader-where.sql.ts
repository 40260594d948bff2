import { booleanWhereSql } from '../sql/boolean-where.sql';
import { type Sql, sql, stringFilterSql } from '../sql/sql';
import { normaliseLeaderName } from '../import/interpretation/leader-cell';
import { jurisdictionWhereSql } from '../plan/jurisdiction-where.sql';
import type { LeaderWhere } from './leader.inputs';

/** SQL condition on the leader row aliased `leader`. */
export function leaderWhereSql(where: LeaderWhere, leader: Sql, depth = 0): Sql {
  return booleanWhereSql(
    where,
    depth,
    (w) => [
      ...(w.name ? [stringFilterSql([sql`${leader}.name`], w.name, normaliseLeaderName)] : []),
      ...(w.jurisdiction ? [jurisdictionWhereSql(sql`${leader}.jurisdiction_id`, w.jurisdiction)] : []),
    ],
    (w, d) => leaderWhereSql(w, leader, d),
  );
}
