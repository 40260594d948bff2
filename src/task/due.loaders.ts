import type { RequestContext } from '../graphql/context';
import { byKey } from '../graphql/context';
import { sql } from '../sql/sql';
import { dueSourceSql, dueSql, textDueSql } from '../risk/risk.sql';
import type { DueSource } from './due-rules';
import { TaskDueModel } from './due.type';

const t = sql.identifier('t');
const p = sql.identifier('p');

/** Deadlines stored at import or fixed by an approved extension, one statement per batch of tasks. */
export function loadDue(ctx: RequestContext, taskId: number): Promise<TaskDueModel> {
  return ctx
    .loader<number, TaskDueModel>('task.due', async (ids) => {
      const rows = await ctx.query<{ id: number; date: string; original: string; source: DueSource; words: string[] }>(
        sql`SELECT ${t}.id, to_char(${dueSql({ task: t, plan: p })}, 'YYYY-MM-DD') AS date, to_char(${textDueSql({ task: t, plan: p })}, 'YYYY-MM-DD') AS original, ${dueSourceSql({ task: t })} AS source, ${t}.due_words AS words
         FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id WHERE ${t}.id = ANY(${sql.value(ids, 'int[]')})`,
      );
      return byKey(ids, rows, (r) => r.id, 'task', (r) => Object.assign(new TaskDueModel(), { date: r.date, originalDate: r.original, source: r.source, words: r.words }));
    })
    .load(taskId);
}
