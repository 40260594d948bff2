import type { RequestContext } from '../graphql/context';
import { byKey } from '../graphql/context';
import { sql } from '../graphql/sql';
import { CategoryModel } from './category.type';
import { taskColumns } from './task-columns.sql';
import { TaskModel, type TaskRow } from './task.type';

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

/** A category a page statement already fetched (see task-relations.sql.ts). */
export function primeCategory(ctx: RequestContext, row: CategoryRow): void {
  categoryById(ctx).prime(row.id, CategoryModel.fromRow(row));
}

type CategoryRow = { id: number; plan_id: number; name: string; position: number };

function categoryById(ctx: RequestContext) {
  return ctx
    .loader<number, CategoryModel>('category.byId', async (ids) => {
      const rows = await ctx.query<{ id: number; plan_id: number; name: string; position: number }>(
        sql`SELECT id, plan_id, name, position FROM category WHERE id = ANY(${sql.value(ids, 'int[]')})`,
      );
      return byKey(ids, rows, (r) => r.id, 'category', CategoryModel.fromRow);
    });
}

export function loadCategoriesOfPlan(ctx: RequestContext, planId: number): Promise<CategoryModel[]> {
  return ctx
    .loader<number, CategoryModel[]>('category.byPlan', async (planIds) => {
      const rows = await ctx.query<{ id: number; plan_id: number; name: string; position: number }>(
        sql`SELECT id, plan_id, name, position FROM category WHERE plan_id = ANY(${sql.value(planIds, 'int[]')}) ORDER BY plan_id, position`,
      );
      return planIds.map((id) => rows.filter((r) => r.plan_id === id).map(CategoryModel.fromRow));
    })
    .load(planId);
}
