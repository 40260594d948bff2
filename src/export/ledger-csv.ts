import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { type LedgerField, type LedgerRow, SECTION_WORDS, cellText, periodWords } from './ledger-layout';

export interface LedgerCsv {
  period: string | null;
  rows: AsyncIterable<LedgerRow[]>;
}

/** The CSV's columns: every task on one row, so the section is a column, and every column always stands (scripts read them by name). */
function csvColumns(period: string | null): { header: string; field: LedgerField | 'section' }[] {
  return [
    { header: '板块', field: 'section' },
    { header: '序号', field: 'number' },
    { header: '工作类别', field: 'category' },
    { header: '项目名称', field: 'title' },
    { header: '工作任务', field: 'content' },
    { header: '责任区领导', field: 'leaders' },
    { header: '牵头单位', field: 'leadUnits' },
    { header: '配合单位', field: 'coUnits' },
    ...(period ? [{ header: `${periodWords(period).column}进展情况`, field: 'progress' as const }] : []),
    { header: period ? '进展状态' : '最新进展状态', field: 'status' },
    { header: '红黄绿灯', field: 'risk' },
  ];
}

/**
 * Excel runs a cell that starts with = + - @ as a formula (CSV injection);
 * such a text is written with a leading apostrophe. A number (-3.5) is left alone.
 */
function inert(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?%?$/.test(value) ? `'${value}` : value;
}

/**
 * Streams the ledger as CSV that Excel on Windows opens with its Chinese
 * intact: UTF-8 with a BOM, CRLF line ends, one row per task, several
 * leaders or units in one cell joined with 、, line breaks inside a cell kept
 * (quoted). Back-pressure comes from the pipeline.
 */
export async function writeLedgerCsv(out: Writable, ledger: LedgerCsv): Promise<void> {
  const columns = csvColumns(ledger.period);
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  const done = pipeline(csv, out);
  const write = async (record: (string | number)[]) => {
    if (!csv.write(record)) await Promise.race([once(csv, 'drain'), done]);
  };
  try {
    await write(columns.map((c) => c.header));
    for await (const chunk of ledger.rows) {
      for (const row of chunk) {
        await write(columns.map((c) => inert(c.field === 'section' ? SECTION_WORDS[row.section].sheet : cellText(row, c.field))));
      }
    }
    csv.end();
  } catch (error) {
    csv.destroy(error as Error);
  }
  await done;
}
