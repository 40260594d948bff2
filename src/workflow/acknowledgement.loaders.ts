import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { ACKNOWLEDGEMENT_SELECT, AcknowledgementModel, type AcknowledgementRow } from './acknowledgement.type';

export function loadAcknowledgementsOfTask(ctx: RequestContext, taskId: number): Promise<AcknowledgementModel[]> {
  return ctx
    .loader<number, AcknowledgementModel[]>('acknowledgement.byTask', async (ids) => {
      const rows = await ctx.query<AcknowledgementRow>(`${ACKNOWLEDGEMENT_SELECT} WHERE task_id = ANY($1::int[]) ORDER BY acknowledged_at, id`, [ids]);
      return groupBy(ids, rows, (r) => r.task_id).map((group) => group.map(AcknowledgementModel.fromRow));
    })
    .load(taskId);
}

export function loadAcknowledgement(ctx: RequestContext, id: number): Promise<AcknowledgementModel> {
  return ctx
    .loader<number, AcknowledgementModel>('acknowledgement.byId', async (ids) => {
      const rows = await ctx.query<AcknowledgementRow>(`${ACKNOWLEDGEMENT_SELECT} WHERE id = ANY($1::int[])`, [ids]);
      return byKey(ids, rows, (r) => r.id, 'acknowledgement', AcknowledgementModel.fromRow);
    })
    .load(id);
}
