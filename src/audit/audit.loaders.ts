import type { RequestContext } from '../graphql/context';
import { byKey } from '../graphql/context';
import { AUDIT_COLUMNS, AuditEntryModel, type AuditRow } from './audit-entry.type';

export function loadAuditEntry(ctx: RequestContext, id: number): Promise<AuditEntryModel> {
  return ctx
    .loader<number, AuditEntryModel>('audit.byId', async (ids) => {
      const rows = await ctx.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id = ANY($1::bigint[])`, [ids]);
      return byKey(ids, rows, (r) => Number(r.id), 'audit entry', AuditEntryModel.fromRow);
    })
    .load(id);
}
