import type { RequestContext } from '../graphql/context';
import { byKey } from '../graphql/context';
import { sql } from '../graphql/sql';
import { PlanModel } from './plan.type';

const SELECT = sql`SELECT p.id, j.name AS jurisdiction, p.year FROM plan p JOIN jurisdiction j ON j.id = p.jurisdiction_id`;

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
      const rows = await ctx.query<{ id: number; jurisdiction: string; year: number }>(sql`${SELECT} WHERE p.id = ANY(${sql.value(ids, 'int[]')})`);
      return byKey(ids, rows, (r) => r.id, 'plan', PlanModel.fromRow);
    });
}

export async function allPlans(ctx: RequestContext): Promise<PlanModel[]> {
  const rows = await ctx.query<{ id: number; jurisdiction: string; year: number }>(sql`${SELECT} ORDER BY j.name, p.year`);
  return rows.map(PlanModel.fromRow);
}
