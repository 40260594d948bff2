import type { Writable } from 'node:stream';
import type { RequestContext } from '../graphql/context';
import { type LedgerScope, ledgerRowsSql, sectionSummarySql } from './ledger.sql';
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

/** The ledger's rows in chunks of CHUNK_ROWS after `after`, each chunk one keyset statement through the request context (its deadline and log). */
async function* ledgerRows(ctx: RequestContext, request: LedgerRequest, first: LedgerRow[], chunkRows: number): AsyncGenerator<LedgerRow[]> {
  let rows = first;
  for (;;) {
    if (rows.length) yield rows;
    if (rows.length < chunkRows) return;
    const last: LedgerRow = rows[rows.length - 1];
    rows = await ctx.query<LedgerRow>(ledgerRowsSql(scopeOf(request), request.period, request.asOf, { section: last.section, number: last.number, id: last.id }, chunkRows));
  }
}

export interface OpenLedger {
  sections: SectionSummary[];
  /** Writes the whole file to `out`; `drained` waits for the client (back-pressure). */
  write(out: Writable, drained: () => Promise<void>): Promise<void>;
}

/**
 * Runs the ledger's first statements (its sections and first chunk of rows)
 * before anything is sent, so that what a request can get wrong in SQL (a NUL
 * in a name, a timeout, an outage) is still answered as an error, not as a
 * file cut short.
 */
export async function openLedger(ctx: RequestContext, request: LedgerRequest, chunkRows = CHUNK_ROWS): Promise<OpenLedger> {
  const sections = await ledgerSections(ctx, request);
  const first = await ctx.query<LedgerRow>(ledgerRowsSql(scopeOf(request), request.period, request.asOf, null, chunkRows));
  return {
    sections,
    write(out, drained) {
      const rows = ledgerRows(ctx, request, first, chunkRows);
      if (request.format === 'csv') return writeLedgerCsv(out, { period: request.period, rows });
      return writeLedgerXlsx(out, { title: request.title, period: request.period, sections, rows, drained });
    },
  };
}
