import type { RequestContext } from '../graphql/context';
import { byKey } from '../graphql/context';
import { type Fields, columnList } from '../sql/json-tuple';
import { sql } from '../sql/sql';
import { CategoryModel } from './category.type';
import { taskColumns } from './task-columns.sql';
import { TaskModel, type TaskRow } from './task.type';

/** The category fields in order; also the JSON tuple of task-relations.sql.ts, so primed rows have the loader's shape. */
export const CATEGORY_FIELDS: Fields<CategoryRow> = ['id', 'plan_id', 'name', 'position'];
const CATEGORY_COLUMNS = columnList(null, CATEGORY_FIELDS);

const t = sql.identifier('t');
const p = sql.identifier('p');

/** Batched reads of tasks and categories by id: one `= ANY($1)` statement per batch. */
export function loadTask(ctx: RequestContext, id: number): Promise<TaskModel> {
  return ctx
    .loader<number, TaskModel>('task.byId', async (ids) => {
      const rows = await ctx.query<TaskRow>(
        sql`SELECT ${taskColumns(t, p)} FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id WHERE ${t}.id = ANY(${sql.value(ids, 'int[]')})`,
      );
      return byKey(ids, rows, (r) => r.id, 'task', TaskModel.fromRow);
    })
    .load(id);
}

export function loadCategory(ctx: RequestContext, id: number): Promise<CategoryModel> {
  return categoryById(ctx).load(id);
}

/** The same, synchronously when a page statement already fetched it (see RequestContext.primeFetched). */
export function categoryNow(ctx: RequestContext, id: number): CategoryModel | Promise<CategoryModel> {
  return ctx.fetchedValue<number, CategoryModel>(CATEGORY_BY_ID, id) ?? categoryById(ctx).load(id);
}

/** A category a page statement already fetched (see task-relations.sql.ts). */
export function primeCategory(ctx: RequestContext, row: CategoryRow): void {
  ctx.primeFetched(CATEGORY_BY_ID, categoryById(ctx), row.id, CategoryModel.fromRow(row));
}

export type CategoryRow = { id: number; plan_id: number; name: string; position: number };

const CATEGORY_BY_ID = 'category.byId';

function categoryById(ctx: RequestContext) {
  return ctx
    .loader<number, CategoryModel>(CATEGORY_BY_ID, async (ids) => {
      const rows = await ctx.query<CategoryRow>(
        sql`SELECT ${CATEGORY_COLUMNS} FROM category WHERE id = ANY(${sql.value(ids, 'int[]')})`,
      );
      return byKey(ids, rows, (r) => r.id, 'category', CategoryModel.fromRow);
    });
}

export function loadCategoriesOfPlan(ctx: RequestContext, planId: number): Promise<CategoryModel[]> {
  return ctx
    .loader<number, CategoryModel[]>('category.byPlan', async (planIds) => {
      const rows = await ctx.query<CategoryRow>(
        sql`SELECT ${CATEGORY_COLUMNS} FROM category WHERE plan_id = ANY(${sql.value(planIds, 'int[]')}) ORDER BY plan_id, position`,
      );
      return planIds.map((id) => rows.filter((r) => r.plan_id === id).map(CategoryModel.fromRow));
    })
    .load(planId);
}
