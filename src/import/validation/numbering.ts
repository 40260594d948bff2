import type { Findings } from './checks';

export interface NumberedRow {
  number: number;
  line: number;
}

/**
 * The document promises 1..N in order within a table. Walks the rows once
 * (linear in their number) and names every row that breaks the run: the
 * first row that is not 1, a gap, a repeat, a row out of order.
 */
export function checkNumbering(rows: readonly NumberedRow[], table: string, header: string, findings: Findings): void {
  let expected = 1;
  for (const row of rows) {
    if (row.number !== expected) {
      const kind = row.number < expected ? (row.number === expected - 1 ? 'a repeat' : 'out of order') : expected === 1 ? 'does not start at 1' : `a gap: ${gap(expected, row.number)} missing`;
      findings.fail('numbering', table, {
        line: row.line,
        row: row.number,
        field: header,
        message: `序号 ${row.number} where ${expected} was expected (${kind})`,
      });
    }
    expected = row.number + 1;
  }
}

function gap(from: number, to: number): string {
  return to - from === 1 ? `${from} is` : `${from}..${to - 1} are`;
}

/** 137项 in a title or heading must be the number of rows found. */
export function checkStatedCount(
  stated: number | null,
  found: number,
  table: string,
  line: number,
  findings: Findings,
): void {
  if (stated === null || stated === found) return;
  findings.fail('stated-count', table, {
    line,
    message: `the document says ${stated} items (“${table}”), the table has ${found} rows`,
  });
}
