import type { RequestContext } from '../graphql/context';
import { SqlParams } from '../graphql/sql';
import { TASK_COLUMNS, TaskModel, type TaskRow } from '../task/task.type';

/**
 * Tasks of a report's plan that the report has no row for (未报送), in
 * document order. One statement per batch of reports.
 */
export function loadMissingTasks(ctx: RequestContext, documentId: number): Promise<TaskModel[]> {
  return ctx
    .loader<number, TaskModel[]>('progress.missingTasks', async (documentIds) => {
      const params = new SqlParams();
      const rows = await ctx.query<TaskRow & { report_id: number }>(
        `SELECT d.id AS report_id, ${TASK_COLUMNS}
         FROM document d JOIN task t ON t.plan_id = d.plan_id JOIN plan p ON p.id = t.plan_id
         WHERE d.id = ANY(${params.add(documentIds, 'int[]')}) AND d.kind = 'PROGRESS_REPORT'
           AND NOT EXISTS (SELECT 1 FROM progress_update pu WHERE pu.task_id = t.id AND pu.document_id = d.id)
         ORDER BY d.id, t.section, t.number, t.id`,
        params.values,
      );
      return documentIds.map((id) => rows.filter((r) => r.report_id === id).map(TaskModel.fromRow));
    })
    .load(documentId);
}
