import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { DocumentModel, type DocumentRow } from './document.type';

const COLUMNS = 'id, plan_id, kind, title, number, issuer, to_char(issued_on, \'YYYY-MM-DD\') AS issued_on, year, period, file_name, imported_at';

export function loadDocument(ctx: RequestContext, id: number): Promise<DocumentModel> {
  return ctx
    .loader<number, DocumentModel>('document.byId', async (ids) => {
      const rows = await ctx.query<DocumentRow>(`SELECT ${COLUMNS} FROM document WHERE id = ANY($1::int[])`, [ids]);
      return byKey(ids, rows, (r) => r.id, 'document', DocumentModel.fromRow);
    })
    .load(id);
}

export function loadDocumentsOfPlan(ctx: RequestContext, planId: number): Promise<DocumentModel[]> {
  return ctx
    .loader<number, DocumentModel[]>('document.byPlan', async (planIds) => {
      const rows = await ctx.query<DocumentRow>(`SELECT ${COLUMNS} FROM document WHERE plan_id = ANY($1::int[]) ORDER BY plan_id, issued_on, id`, [planIds]);
      return groupBy(planIds, rows, (r) => r.plan_id).map((group) => group.map(DocumentModel.fromRow));
    })
    .load(planId);
}
