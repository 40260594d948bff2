import type { RequestContext } from '../graphql/context';
import { byKey } from '../graphql/context';
import { sql } from '../sql/sql';
import { PlanModel } from './plan.type';

/** Plan rows with their jurisdiction's name; also used by task-relations.sql.ts, so primed rows have the loader's shape. */
export const PLAN_SELECT = sql`SELECT p.id, j.name AS jurisdiction, p.year FROM plan p JOIN jurisdiction j ON j.id = p.jurisdiction_id`;

export function loadPlan(ctx: RequestContext, id: number): Promise<PlanModel> {
  return planById(ctx).load(id);
}

/** A plan a page statement already fetched (see task-relations.sql.ts). */
export function primePlan(ctx: RequestContext, row: { id: number; jurisdiction: string; year: number }): void {
  planById(ctx).prime(row.id, PlanModel.fromRow(row));
}

function planById(ctx: RequestContext) {
  return ctx
    .loader<number, PlanModel>('plan.byId', async (ids) => {
      const rows = await ctx.query<{ id: number; jurisdiction: string; year: number }>(sql`${PLAN_SELECT} WHERE p.id = ANY(${sql.value(ids, 'int[]')})`);
      return byKey(ids, rows, (r) => r.id, 'plan', PlanModel.fromRow);
    });
}

export async function allPlans(ctx: RequestContext): Promise<PlanModel[]> {
  const rows = await ctx.query<{ id: number; jurisdiction: string; year: number }>(sql`${PLAN_SELECT} ORDER BY j.name, p.year`);
  return rows.map(PlanModel.fromRow);
}
