import type { Findings } from './checks';

export interface NumberedRow {
  number: number;
  line: number;
}

/** The table before this one, for numbering that runs on across sections. */
export interface PreviousTable {
  title: string;
  /** Its last 序号. */
  last: number;
}

/**
 * The document promises 1..N in order within a table — or, where a district
 * numbers on across sections (targets 1–3 under 一、, key tasks 4, 5, … under
 * 二、), previous + 1..N: a table may start at 1 or right after the table
 * before it. Walks the rows once (linear in their number) and names every
 * row that breaks the run: a first row that is neither, a gap, a repeat, a
 * row out of order. Returns whether the table continued the previous one.
 */
export function checkNumbering(rows: readonly NumberedRow[], table: string, header: string, findings: Findings, previous?: PreviousTable): boolean {
  const continues = previous !== undefined && previous.last > 0 && rows[0]?.number === previous.last + 1;
  let expected = continues ? previous.last + 1 : 1;
  rows.forEach((row, k) => {
    if (row.number !== expected) {
      const kind = row.number < expected ? (row.number === expected - 1 ? 'a repeat' : 'out of order') : expected === 1 ? 'does not start at 1' : `a gap: ${gap(expected, row.number)} missing`;
      const wanted = k === 0 && previous && previous.last > 0 ? `1 (or ${previous.last + 1}, continuing “${previous.title}”)` : String(expected);
      findings.fail('numbering', table, {
        line: row.line,
        row: row.number,
        field: header,
        message: `序号 ${row.number} where ${wanted} was expected (${kind})`,
      });
    }
    expected = row.number + 1;
  });
  return continues;
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
