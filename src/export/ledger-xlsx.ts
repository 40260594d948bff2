import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { RiskLevel } from '../risk/risk-level';
import {
  type LedgerColumn,
  type LedgerRow,
  SECTION_WORDS,
  type SectionSummary,
  cellText,
  ledgerColumns,
  sectionTitle,
  wrappedLines,
} from './ledger-layout';

/** Rows a category cell is merged over at most: an open block is held in memory until it is merged. */
export const MAX_MERGED_ROWS = 100;
const HEADER_ROW = 3;
// A line of 11 pt text: 宋体 needs 14.25 pt, the Noto CJK fonts LibreOffice falls back to about 16.
const LINE_POINTS = 16;
const FONT = '宋体';

const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const LONG: Partial<ExcelJS.Style> = { font: { name: FONT, size: 11 }, border: BORDER, alignment: { wrapText: true, vertical: 'top', horizontal: 'left' } };
const SHORT: Partial<ExcelJS.Style> = { font: { name: FONT, size: 11 }, border: BORDER, alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' } };
const MERGED: Partial<ExcelJS.Style> = { ...SHORT, alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' } };
const HEADER: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 11, bold: true },
  border: BORDER,
  alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } },
};
const TITLE: Partial<ExcelJS.Style> = { font: { name: FONT, size: 16, bold: true }, alignment: { vertical: 'middle', horizontal: 'center' } };
const SECTION: Partial<ExcelJS.Style> = { font: { name: FONT, size: 12, bold: true }, alignment: { vertical: 'middle', horizontal: 'left' } };
const LIGHT_FILL: Record<RiskLevel, string | null> = {
  [RiskLevel.RED]: 'FFF4B6B6',
  [RiskLevel.YELLOW]: 'FFFFE699',
  [RiskLevel.GREEN]: 'FFC6E0B4',
  [RiskLevel.UNKNOWN]: null,
};
const LIGHT: Record<RiskLevel, Partial<ExcelJS.Style>> = Object.fromEntries(
  Object.entries(LIGHT_FILL).map(([level, argb]) => [level, argb ? { ...SHORT, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } } : SHORT]),
) as Record<RiskLevel, Partial<ExcelJS.Style>>;

export interface LedgerXlsx {
  title: string;
  period: string | null;
  /** The sections to write, in order, with what their tasks fill. */
  sections: SectionSummary[];
  /** Chunks of rows in ledger order (section, 序号). */
  rows: AsyncIterable<LedgerRow[]>;
  /** Waits while the client has not read what was written (back-pressure), so memory stays flat. */
  drained: () => Promise<void>;
}

/**
 * Streams the ledger (台账) as .xlsx in the office's layout with ExcelJS's
 * streaming writer: one sheet per section (so each prints with its own
 * header), each with the title row, the table's title, the frozen header
 * repeated on every printed page (A4 landscape, fitted to the page width),
 * category cells merged over their rows, wrapped text and row heights for
 * Chinese text. Rows are written as they come and committed once their
 * category block is merged; strings are inline, not shared, so nothing
 * grows with the ledger but the list of merged ranges.
 */
export async function writeLedgerXlsx(out: Writable, ledger: LedgerXlsx): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'duban';
  const chunks = ledger.rows[Symbol.asyncIterator]();
  // Read by index: the chunk belongs to the row source, which looks at it again to tell whether more come.
  let pending: LedgerRow[] = [];
  let at = 0;
  const next = async (): Promise<LedgerRow | undefined> => {
    while (at >= pending.length) {
      const chunk = await chunks.next();
      if (chunk.done) return undefined;
      pending = chunk.value;
      at = 0;
    }
    return pending[at++];
  };
  let row = await next();
  for (const [index, summary] of ledger.sections.entries()) {
    const columns = ledgerColumns(summary, ledger.period);
    const sheet = openSheet(workbook, ledger.title, sectionTitle(index, summary.section, summary.tasks), summary, columns);
    const categoryColumn = columns.findIndex((c) => c.field === 'category') + 1;
    // The open category block: its rows stay uncommitted until the block is merged (the writer cannot merge committed rows).
    const block = { text: '', from: 0, to: 0 };
    const closeBlock = () => {
      if (block.to > block.from) sheet.mergeCells(block.from, categoryColumn, block.to, categoryColumn);
      if (block.to > 0) sheet.getRow(block.to).commit();
      block.to = 0;
    };
    let line = HEADER_ROW;
    for (; row && row.section === summary.section; row = await next()) {
      line++;
      writeRow(sheet.getRow(line), row, columns);
      const category = row.category ?? '';
      if (categoryColumn === 0) sheet.getRow(line).commit();
      else if (block.to > 0 && category !== '' && category === block.text && line - block.from < MAX_MERGED_ROWS) block.to = line;
      else {
        closeBlock();
        Object.assign(block, { text: category, from: line, to: line });
      }
      if (at >= pending.length) await ledger.drained();
    }
    closeBlock();
    sheet.commit();
  }
  await workbook.commit();
}

function openSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, title: string, tableTitle: string, summary: SectionSummary, columns: LedgerColumn[]) {
  const sheet = workbook.addWorksheet(SECTION_WORDS[summary.section].sheet, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const last = columns.length;
  const put = (line: number, values: string[], style: Partial<ExcelJS.Style>, height: number) => {
    const row = sheet.getRow(line);
    values.forEach((value, k) => {
      const cell = row.getCell(k + 1);
      cell.value = value;
      cell.style = style;
    });
    row.height = height;
  };
  // Title rows merged over the table's width: the importer reads a row whose cells all hold one text as a paragraph.
  put(1, [title], TITLE, 30);
  put(2, [tableTitle], SECTION, 22);
  put(HEADER_ROW, columns.map((c) => c.header), HEADER, 30);
  sheet.mergeCells(1, 1, 1, last);
  sheet.mergeCells(2, 1, 2, last);
  sheet.getRow(HEADER_ROW).commit();
  return sheet;
}

function writeRow(line: ExcelJS.Row, row: LedgerRow, columns: LedgerColumn[]): void {
  let lines = 1;
  columns.forEach((column, k) => {
    const value = cellText(row, column.field);
    const cell = line.getCell(k + 1);
    cell.value = value === '' ? null : value;
    cell.style = column.field === 'risk' ? LIGHT[row.risk] : column.field === 'category' ? MERGED : column.long ? LONG : SHORT;
    // A merged category's text is spread over its rows; it does not size one.
    if (typeof value === 'string' && column.field !== 'category') lines = Math.max(lines, wrappedLines(value, column.width));
  });
  line.height = Math.ceil(lines * LINE_POINTS + 4);
}
