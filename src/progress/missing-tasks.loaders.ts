import type { RequestContext } from '../graphql/context';
import { sql } from '../sql/sql';
import { taskColumns } from '../task/task-columns.sql';
import { TaskModel, type TaskRow } from '../task/task.type';

const d = sql.identifier('d');
const t = sql.identifier('t');
const p = sql.identifier('p');
const pu = sql.identifier('pu');

/**
 * Tasks of a report's plan that the report has no row for (未报送), in
 * document order. One statement per batch of reports.
 */
export function loadMissingTasks(ctx: RequestContext, documentId: number): Promise<TaskModel[]> {
  return ctx
    .loader<number, TaskModel[]>('progress.missingTasks', async (documentIds) => {
      const rows = await ctx.query<TaskRow & { report_id: number }>(
        sql`SELECT ${d}.id AS report_id, ${taskColumns(t, p)}
         FROM document ${d} JOIN task ${t} ON ${t}.plan_id = ${d}.plan_id JOIN plan ${p} ON ${p}.id = ${t}.plan_id
         WHERE ${d}.id = ANY(${sql.value(documentIds, 'int[]')}) AND ${d}.kind = 'PROGRESS_REPORT'
           AND NOT EXISTS (SELECT 1 FROM progress_update ${pu} WHERE ${pu}.task_id = ${t}.id AND ${pu}.document_id = ${d}.id)
         ORDER BY ${d}.id, ${t}.section, ${t}.number, ${t}.id`,
      );
      return documentIds.map((id) => rows.filter((r) => r.report_id === id).map(TaskModel.fromRow));
    })
    .load(documentId);
}
