import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { sql } from '../sql/sql';
import { DocumentModel, type DocumentRow } from './document.type';

/** The DocumentRow columns of `document`; also used by task-relations.sql.ts, so primed rows have the loader's shape. */
export const DOCUMENT_COLUMNS = sql`id, plan_id, kind, title, number, issuer, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, year, period, file_name, imported_at`;

export function loadDocument(ctx: RequestContext, id: number): Promise<DocumentModel> {
  return documentById(ctx).load(id);
}

/** A document a page statement already fetched (see task-relations.sql.ts). */
export function primeDocument(ctx: RequestContext, row: DocumentRow): void {
  documentById(ctx).prime(row.id, DocumentModel.fromRow(row));
}

function documentById(ctx: RequestContext) {
  return ctx
    .loader<number, DocumentModel>('document.byId', async (ids) => {
      const rows = await ctx.query<DocumentRow>(sql`SELECT ${DOCUMENT_COLUMNS} FROM document WHERE id = ANY(${sql.value(ids, 'int[]')})`);
      return byKey(ids, rows, (r) => r.id, 'document', DocumentModel.fromRow);
    });
}

export function loadDocumentsOfPlan(ctx: RequestContext, planId: number): Promise<DocumentModel[]> {
  return ctx
    .loader<number, DocumentModel[]>('document.byPlan', async (planIds) => {
      const rows = await ctx.query<DocumentRow>(sql`SELECT ${DOCUMENT_COLUMNS} FROM document WHERE plan_id = ANY(${sql.value(planIds, 'int[]')}) ORDER BY plan_id, issued_on, id`);
      return groupBy(planIds, rows, (r) => r.plan_id).map((group) => group.map(DocumentModel.fromRow));
    })
    .load(planId);
}
