import type { RequestContext } from '../graphql/context';
import { normaliseLeaderName } from '../import/leader-cell';
import { JURISDICTION_ARGUMENT, oneJurisdiction } from '../plan/jurisdiction-lookup';

/** Query.leader: the leader of this name in the given jurisdiction, or in the only one that has it (several → BAD_USER_INPUT). */
export async function findLeaderByName(ctx: RequestContext, name: string, jurisdiction: string | null): Promise<{ id: number; name: string } | null> {
  const rows = await ctx.query<{ id: number; name: string; jurisdiction: string }>(
    `SELECT l.id, l.name, j.name AS jurisdiction FROM leader l JOIN jurisdiction j ON j.id = l.jurisdiction_id
     WHERE l.name = $1 AND ${JURISDICTION_ARGUMENT} ORDER BY l.id`,
    [normaliseLeaderName(name), jurisdiction],
  );
  return oneJurisdiction(rows, 'leader', name);
}
