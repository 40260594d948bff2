import type { RequestContext } from '../graphql/context';
import { TASK_CLOSURE_SELECT, TaskClosureModel, type TaskClosureRow } from './task-closure.type';

/** Each task's closing, one statement per batch; a task never closed answers OPEN at version 0. */
export function loadClosure(ctx: RequestContext, taskId: number): Promise<TaskClosureModel> {
  return ctx
    .loader<number, TaskClosureModel>('closure.byTask', async (ids) => {
      const rows = await ctx.query<TaskClosureRow>(`${TASK_CLOSURE_SELECT} WHERE task_id = ANY($1::int[])`, [ids]);
      const found = new Map(rows.map((r) => [r.task_id, r]));
      return ids.map((id) => TaskClosureModel.fromRow(found.get(id)));
    })
    .load(taskId);
}
