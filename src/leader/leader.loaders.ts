import { type Fields, columnList } from '../sql/json-tuple';
import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { sql } from '../sql/sql';
import { LeaderModel } from './leader.type';

export function loadLeader(ctx: RequestContext, id: number): Promise<LeaderModel> {
  return ctx
    .loader<number, LeaderModel>('leader.byId', async (ids) => {
      const rows = await ctx.query<LeaderRow>(sql`SELECT ${columnList(null, LEADER_FIELDS)} FROM leader WHERE id = ANY(${sql.value(ids, 'int[]')})`);
      return byKey(ids, rows, (r) => r.id, 'leader', LeaderModel.fromRow);
    })
    .load(id);
}

/** Every leader, by name (code-point order, the same on every server). */
export async function loadLeaders(ctx: RequestContext): Promise<LeaderModel[]> {
  const rows = await ctx.query<LeaderRow>(sql`SELECT ${columnList(null, LEADER_FIELDS)} FROM leader ORDER BY name COLLATE "C", id`);
  return rows.map(LeaderModel.fromRow);
}

/** Leaders of a task in cell order, synchronously when the page statement already fetched them (see RequestContext.primeFetched). */
export function leadersOfTaskNow(ctx: RequestContext, taskId: number): LeaderModel[] | Promise<LeaderModel[]> {
  return ctx.fetchedValue<number, LeaderModel[]>(LEADERS_OF_TASK, taskId) ?? leadersOfTask(ctx).load(taskId);
}

/** The leader fields in order, as the JSON tuples of task-relations.sql.ts carry them. */
export const LEADER_FIELDS: Fields<LeaderRow> = ['id', 'name'];
export type LeaderRow = { id: number; name: string };

/** Leaders a page statement already fetched (see task-relations.sql.ts): the field resolver then costs nothing. */
export function primeLeadersOfTask(ctx: RequestContext, taskId: number, rows: LeaderRow[]): void {
  ctx.primeFetched(LEADERS_OF_TASK, leadersOfTask(ctx), taskId, rows.map(LeaderModel.fromRow));
}

const LEADERS_OF_TASK = 'leader.byTask';
const l = sql.identifier('l');

function leadersOfTask(ctx: RequestContext) {
  return ctx
    .loader<number, LeaderModel[]>(LEADERS_OF_TASK, async (taskIds) => {
      const rows = await ctx.query<LeaderRow & { task_id: number }>(
        sql`SELECT tl.task_id, ${columnList(l, LEADER_FIELDS)} FROM task_leader tl JOIN leader l ON l.id = tl.leader_id
         WHERE tl.task_id = ANY(${sql.value(taskIds, 'int[]')}) ORDER BY tl.task_id, tl.position`,
      );
      return groupBy(taskIds, rows, (r) => r.task_id).map((group) => group.map(LeaderModel.fromRow));
    });
}
