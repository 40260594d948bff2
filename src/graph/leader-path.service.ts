import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import { fromGlobalId } from '../graphql/global-id';
import { sql } from '../sql/sql';
import { graphOfJurisdiction } from './graph-cache';
import { LeaderPathModel } from './leader-path.type';
import { PathHopModel } from './unit-path.type';

export const MAX_LEADER_HOPS = 8;

const l = sql.identifier('l');
const tl = sql.identifier('tl');
const t = sql.identifier('t');
const p = sql.identifier('p');

export interface LeaderPathArgs {
  from: string;
  to: string;
  year?: number | null;
  maxHops: number;
  includeCollectives: boolean;
}

/** The row id of a Leader's global id; anything else (another type's id, a forged string) is the client's mistake. */
function leaderId(globalId: string, argument: 'from' | 'to'): number {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== 'Leader') {
    throw new BadUserInputError(`\`${argument}\` must be the id of a Leader (its \`id\` field); "${globalId.slice(0, 60)}" is not.`, argument);
  }
  return parsed.id;
}

/** Both leaders in one statement: jurisdiction and their tasks of the year (all years when null), in document order. */
async function loadLeaders(ctx: RequestContext, ids: number[], year: number | null) {
  const rows = await ctx.query<{ id: number; jurisdiction_id: number; task_ids: number[] }>(
    sql`SELECT ${l}.id, ${l}.jurisdiction_id,
       coalesce(array_agg(${t}.id ORDER BY ${p}.year, ${t}.section, ${t}.number) FILTER (WHERE ${t}.id IS NOT NULL), '{}') AS task_ids
     FROM leader ${l} LEFT JOIN (task_leader ${tl} JOIN task ${t} ON ${t}.id = ${tl}.task_id
       JOIN plan ${p} ON ${p}.id = ${t}.plan_id${year != null ? sql` AND ${p}.year = ${sql.value(year, 'int')}` : sql.empty}) ON ${tl}.leader_id = ${l}.id
     WHERE ${l}.id = ANY(${sql.value(ids, 'int[]')}) GROUP BY ${l}.id`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Query.leaderPath: the two leaders and their tasks in one statement, then a
 * shortest chain in the cached graph of their jurisdiction (one year, or all
 * years merged), searched on an analytics thread. Leaders of different
 * jurisdictions share no unit: null, as when no chain is within maxHops.
 */
export async function leaderPathOf(ctx: RequestContext, args: LeaderPathArgs): Promise<LeaderPathModel | null> {
  if (!Number.isInteger(args.maxHops) || args.maxHops < 0 || args.maxHops > MAX_LEADER_HOPS) {
    throw new BadUserInputError(`\`maxHops\` must be between 0 and ${MAX_LEADER_HOPS} (got ${args.maxHops}).`, 'maxHops');
  }
  const fromId = leaderId(args.from, 'from');
  const toId = leaderId(args.to, 'to');
  const leaders = await loadLeaders(ctx, [fromId, toId], args.year ?? null);
  for (const [id, argument] of [[fromId, 'from'], [toId, 'to']] as const) {
    if (!leaders.has(id)) throw new BadUserInputError(`\`${argument}\`: no leader has the id "${args[argument].slice(0, 60)}".`, argument);
  }
  const from = leaders.get(fromId)!;
  const to = leaders.get(toId)!;
  if (from.jurisdiction_id !== to.jurisdiction_id || from.task_ids.length === 0 || to.task_ids.length === 0) return null;
  const graph = await graphOfJurisdiction(ctx, from.jurisdiction_id, args.year ?? null);
  const path = await graph?.leaderPath(from.task_ids, to.task_ids, args.maxHops, args.includeCollectives);
  if (!path) return null;
  return Object.assign(new LeaderPathModel(), {
    fromId,
    toId,
    unitIds: path.unitIds,
    fromTaskIds: path.fromTasks,
    toTaskIds: path.toTasks,
    hops: path.hops.map((h) => Object.assign(new PathHopModel(), { fromId: h.from, toId: h.to, taskIds: h.tasks })),
  });
}
