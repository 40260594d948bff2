import { byKey, type RequestContext } from '../graphql/context';

const STATEMENTS = {
  unit: 'SELECT u.id, j.name FROM unit u JOIN jurisdiction j ON j.id = u.jurisdiction_id WHERE u.id = ANY($1::int[])',
  leader: 'SELECT l.id, j.name FROM leader l JOIN jurisdiction j ON j.id = l.jurisdiction_id WHERE l.id = ANY($1::int[])',
} as const;

/** The jurisdiction a unit or leader belongs to, batched per request. */
export function loadJurisdictionOf(ctx: RequestContext, of: keyof typeof STATEMENTS, id: number): Promise<string> {
  return ctx
    .loader<number, string>(`jurisdiction-of-${of}`, async (ids) => {
      const rows = await ctx.query<{ id: number; name: string }>(STATEMENTS[of], [ids]);
      return byKey(ids, rows, (r) => r.id, of, (r) => r.name);
    })
    .load(id);
}
