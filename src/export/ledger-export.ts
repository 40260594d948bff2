import type { Writable } from 'node:stream';
import type { RequestContext } from '../graphql/context';
import { type LedgerCursor, type LedgerScope, ledgerRowsSql, sectionSummarySql } from './ledger.sql';
import type { LedgerRow, SectionSummary } from './ledger-layout';
import { writeLedgerCsv } from './ledger-csv';
import type { LedgerRequest } from './ledger-request';
import { writeLedgerXlsx } from './ledger-xlsx';
import { Section } from '../task/section';

/** Rows per statement: small enough for a short statement and little memory, large enough that statements stay few. */
export const CHUNK_ROWS = 500;

function scopeOf(request: LedgerRequest): LedgerScope {
  return { planId: request.planId, section: request.section, where: request.where };
}

/** The sections the ledger has, with what their tasks fill; an empty ledger still gets its table (header, no rows). */
export async function ledgerSections(ctx: RequestContext, request: LedgerRequest): Promise<SectionSummary[]> {
  const sections = await ctx.query<SectionSummary>(sectionSummarySql(scopeOf(request)));
  if (sections.length) return sections;
  return [{ section: request.section ?? Section.KEY_TASK, tasks: 0, has_category: false, has_title: false, has_leaders: false, has_co_units: false }];
}

/** The ledger's rows in chunks of CHUNK_ROWS, each chunk one keyset statement through the request context (its deadline and log). */
export async function* ledgerRows(ctx: RequestContext, request: LedgerRequest, chunkRows = CHUNK_ROWS): AsyncGenerator<LedgerRow[]> {
  let after: LedgerCursor | null = null;
  for (;;) {
    const rows: LedgerRow[] = await ctx.query<LedgerRow>(ledgerRowsSql(scopeOf(request), request.period, request.asOf, after, chunkRows));
    if (rows.length) yield rows;
    if (rows.length < chunkRows) return;
    const last: LedgerRow = rows[rows.length - 1];
    after = { section: last.section, number: last.number, id: last.id };
  }
}

/** Writes the ledger of a checked request to `out` in its format; `drained` waits for the client (back-pressure). */
export async function writeLedger(ctx: RequestContext, request: LedgerRequest, out: Writable, drained: () => Promise<void>): Promise<void> {
  if (request.format === 'csv') return writeLedgerCsv(out, { period: request.period, rows: ledgerRows(ctx, request) });
  const sections = await ledgerSections(ctx, request);
  return writeLedgerXlsx(out, { title: request.title, period: request.period, sections, rows: ledgerRows(ctx, request), drained });
}
