import type { RequestContext } from '../graphql/context';
import { byKey } from '../graphql/context';
import { PlanModel } from './plan.type';

const SELECT = 'SELECT p.id, j.name AS jurisdiction, p.year FROM plan p JOIN jurisdiction j ON j.id = p.jurisdiction_id';

export function loadPlan(ctx: RequestContext, id: number): Promise<PlanModel> {
  return ctx
    .loader<number, PlanModel>('plan.byId', async (ids) => {
      const rows = await ctx.query<{ id: number; jurisdiction: string; year: number }>(`${SELECT} WHERE p.id = ANY($1::int[])`, [ids]);
      return byKey(ids, rows, (r) => r.id, 'plan', PlanModel.fromRow);
    })
    .load(id);
}

export async function allPlans(ctx: RequestContext): Promise<PlanModel[]> {
  const rows = await ctx.query<{ id: number; jurisdiction: string; year: number }>(`${SELECT} ORDER BY j.name, p.year`);
  return rows.map(PlanModel.fromRow);
}
