import type { RequestContext } from '../graphql/context';
import { byKey } from '../graphql/context';
import { SqlParams } from '../graphql/sql';
import { dueSql } from '../risk/risk.sql';
import type { DueSource } from './due-rules';
import { TaskDueModel } from './due.type';

/** Deadlines stored at import, one statement per batch of tasks. */
export function loadDue(ctx: RequestContext, taskId: number): Promise<TaskDueModel> {
  return ctx
    .loader<number, TaskDueModel>('task.due', async (ids) => {
      const params = new SqlParams();
      const rows = await ctx.query<{ id: number; date: string; source: DueSource; words: string[] }>(
        `SELECT t.id, to_char(${dueSql}, 'YYYY-MM-DD') AS date, t.due_source AS source, t.due_words AS words
         FROM task t JOIN plan p ON p.id = t.plan_id WHERE t.id = ANY(${params.add(ids, 'int[]')})`,
        params.values,
      );
      return byKey(ids, rows, (r) => r.id, 'task', (r) => Object.assign(new TaskDueModel(), { date: r.date, source: r.source, words: r.words }));
    })
    .load(taskId);
}
