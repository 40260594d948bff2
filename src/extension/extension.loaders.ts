import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { EXTENSION_REQUEST_SELECT, ExtensionRequestModel, type ExtensionRequestRow } from './extension-request.type';

export function loadExtensionRequest(ctx: RequestContext, id: number): Promise<ExtensionRequestModel> {
  return ctx
    .loader<number, ExtensionRequestModel>('extension.byId', async (ids) => {
      const rows = await ctx.query<ExtensionRequestRow>(`${EXTENSION_REQUEST_SELECT} WHERE id = ANY($1::int[])`, [ids]);
      return byKey(ids, rows, (r) => r.id, 'extension request', ExtensionRequestModel.fromRow);
    })
    .load(id);
}

export function loadExtensionRequestsOfTask(ctx: RequestContext, taskId: number): Promise<ExtensionRequestModel[]> {
  return ctx
    .loader<number, ExtensionRequestModel[]>('extension.byTask', async (ids) => {
      const rows = await ctx.query<ExtensionRequestRow>(`${EXTENSION_REQUEST_SELECT} WHERE task_id = ANY($1::int[]) ORDER BY requested_at, id`, [ids]);
      return groupBy(ids, rows, (r) => r.task_id).map((group) => group.map(ExtensionRequestModel.fromRow));
    })
    .load(taskId);
}
