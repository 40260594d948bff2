import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { type Fields, columnList } from '../sql/json-tuple';
import { sql } from '../sql/sql';
import { ProgressUpdateModel, type ProgressRow } from './progress-update.type';

/** The ProgressRow fields in order; also the JSON tuples of task-relations.sql.ts, so primed rows have the loader's shape. */
export const PROGRESS_FIELDS: Fields<ProgressRow> = ['id', 'task_id', 'document_id', 'period', 'text', 'items', 'status', 'status_reason', 'percent', 'percent_reason', 'report_id'];
/** The ProgressRow columns of `progress_update pu`. */
export const PROGRESS_COLUMNS = columnList(sql.identifier('pu'), PROGRESS_FIELDS);

/** Progress updates of a task, oldest period first. */
export function loadProgressOfTask(ctx: RequestContext, taskId: number): Promise<ProgressUpdateModel[]> {
  return progressOfTask(ctx).load(taskId);
}

/** The same, synchronously when the page statement already fetched them (see RequestContext.primeFetched). */
export function progressOfTaskNow(ctx: RequestContext, taskId: number): ProgressUpdateModel[] | Promise<ProgressUpdateModel[]> {
  return ctx.fetchedValue<number, ProgressUpdateModel[]>(PROGRESS_OF_TASK, taskId) ?? progressOfTask(ctx).load(taskId);
}

/** Progress a page statement already fetched (see task-relations.sql.ts). */
export function primeProgressOfTask(ctx: RequestContext, taskId: number, rows: ProgressRow[]): void {
  ctx.primeFetched(PROGRESS_OF_TASK, progressOfTask(ctx), taskId, rows.map(ProgressUpdateModel.fromRow));
}

const PROGRESS_OF_TASK = 'progress.byTask';

function progressOfTask(ctx: RequestContext) {
  return ctx
    .loader<number, ProgressUpdateModel[]>(PROGRESS_OF_TASK, async (taskIds) => {
      const rows = await ctx.query<ProgressRow>(
        sql`SELECT ${PROGRESS_COLUMNS} FROM progress_update pu WHERE pu.task_id = ANY(${sql.value(taskIds, 'int[]')}) ORDER BY pu.task_id, pu.period, pu.id`,
      );
      return groupBy(taskIds, rows, (r) => r.task_id).map((group) => group.map(ProgressUpdateModel.fromRow));
    });
}

export function loadProgress(ctx: RequestContext, id: number): Promise<ProgressUpdateModel> {
  return ctx
    .loader<number, ProgressUpdateModel>('progress.byId', async (ids) => {
      const rows = await ctx.query<ProgressRow>(sql`SELECT ${PROGRESS_COLUMNS} FROM progress_update pu WHERE pu.id = ANY(${sql.value(ids, 'int[]')})`);
      return byKey(ids, rows, (r) => r.id, 'progress update', ProgressUpdateModel.fromRow);
    })
    .load(id);
}
