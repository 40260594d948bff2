import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { LeaderModel } from './leader.type';

export function loadLeader(ctx: RequestContext, id: number): Promise<LeaderModel> {
  return ctx
    .loader<number, LeaderModel>('leader.byId', async (ids) => {
      const rows = await ctx.query<{ id: number; name: string }>(`SELECT id, name FROM leader WHERE id = ANY($1::int[])`, [ids]);
      return byKey(ids, rows, (r) => r.id, 'leader', LeaderModel.fromRow);
    })
    .load(id);
}

/** Leaders of a task in cell order. */
export function loadLeadersOfTask(ctx: RequestContext, taskId: number): Promise<LeaderModel[]> {
  return ctx
    .loader<number, LeaderModel[]>('leader.byTask', async (taskIds) => {
      const rows = await ctx.query<{ task_id: number; id: number; name: string }>(
        `SELECT tl.task_id, l.id, l.name FROM task_leader tl JOIN leader l ON l.id = tl.leader_id
         WHERE tl.task_id = ANY($1::int[]) ORDER BY tl.task_id, tl.position`,
        [taskIds],
      );
      return groupBy(taskIds, rows, (r) => r.task_id).map((group) => group.map(LeaderModel.fromRow));
    })
    .load(taskId);
}
