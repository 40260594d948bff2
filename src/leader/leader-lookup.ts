import type { RequestContext } from '../graphql/context';
import { columnList } from '../sql/json-tuple';
import { sql } from '../sql/sql';
import { normaliseLeaderName } from '../import/interpretation/leader-cell';
import { jurisdictionArgumentSql, oneJurisdiction } from '../plan/jurisdiction-lookup';
import { LEADER_FIELDS, type LeaderRow } from './leader.loaders';

const l = sql.identifier('l');
const j = sql.identifier('j');

/** Query.leader: the leader of this name in the given jurisdiction, or in the only one that has it (several → BAD_USER_INPUT). */
export async function findLeaderByName(ctx: RequestContext, name: string, jurisdiction: string | null): Promise<LeaderRow | null> {
  const rows = await ctx.query<LeaderRow & { jurisdiction: string }>(
    sql`SELECT ${columnList(l, LEADER_FIELDS)}, ${j}.name AS jurisdiction FROM leader ${l} JOIN jurisdiction ${j} ON ${j}.id = ${l}.jurisdiction_id
        WHERE ${l}.name = ${sql.value(normaliseLeaderName(name), 'text')} AND ${jurisdictionArgumentSql(j, jurisdiction)} ORDER BY ${l}.id`,
  );
  return oneJurisdiction(rows, 'leader', name);
}
