/**
 * The one intermediate every reader produces and the interpretation reads:
 * a document is paragraphs and tables in reading order; a table is a grid of
 * rows of cells; a cell is a list of lines. Merged cells are already resolved
 * by the reader (a vertically merged cell repeats its lines in every row it
 * spans; a horizontally merged one is repeated in every column it spans, with
 * `spanned` set on the copies). Every piece says where it came from, in the
 * source format's own terms.
 */

/** The formats duban reads; `--dry-run --json` reports it as `document.format`. */
export type DocumentFormat = 'text' | 'prose' | 'docx' | 'doc' | 'html' | 'xlsx';

/**
 * Where a piece sits in its source. `line` is always set: the text line
 * (text, prose, HTML page), the paragraph number in document order (Word),
 * or the sheet row (spreadsheets). The rest is the address a user would look
 * for in that format.
 */
export interface SourcePosition {
  line: number;
  /** 1-based table of the document (Word). */
  table?: number;
  /** 1-based row of that table, the header row included (Word). */
  row?: number;
  /** 1-based grid column (Word). */
  column?: number;
  /** 1-based paragraph of a Word body, outside tables (said instead of a line). */
  paragraph?: number;
  /** 1-based sheet and its A1 address (spreadsheets). */
  sheet?: number;
  cell?: string;
}

export interface SourceLine {
  text: string;
  at: SourcePosition;
}

export interface ModelParagraph {
  kind: 'paragraph';
  text: string;
  at: SourcePosition;
}

export interface ModelCell {
  lines: SourceLine[];
  at: SourcePosition;
  /** A copy standing in a column a horizontally merged cell spans (the cell itself is to its left). */
  spanned?: 'left';
  /** A copy standing in a row a vertically merged cell spans (the cell itself is above). */
  continued?: boolean;
}

export interface ModelRow {
  cells: ModelCell[];
  at: SourcePosition;
  /**
   * The text export lost this row's leading cells (序号, sometimes 工作任务):
   * the cells it has are the row's last ones. Only the text reader sets it.
   */
  lostLeadingCells?: boolean;
}

export interface ModelTable {
  kind: 'table';
  rows: ModelRow[];
  at: SourcePosition;
}

export type ModelBlock = ModelParagraph | ModelTable;

export interface ReaderNote {
  at: SourcePosition;
  message: string;
}

/** The encodings a text file is decoded from (readers/decode.ts); anything else is refused. */
export type TextEncoding = 'utf-8' | 'gbk' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DocumentModel {
  format: DocumentFormat;
  /** How the bytes were decoded, for text and HTML. */
  encoding: string;
  blocks: ModelBlock[];
  /** What the reader wants a reviewer to know (a GBK page, a dropped footer …). */
  notes: ReaderNote[];
  /** Problems that make the document unusable, found while reading (text outside a cell …). */
  problems: ReaderNote[];
  /** Metadata a letterhead-less source carries elsewhere (a ledger's title row). */
  titleHint?: SourceLine;
  /** 'unknown' when the source does not say which header cells span several columns (a Word 97 text stream): inferred from the header words. */
  headerSpans?: 'unknown';
}

export function cellLines(cell: ModelCell | undefined): string[] {
  return cell ? cell.lines.map((l) => l.text) : [];
}

export function modelCellText(cell: ModelCell | undefined): string {
  return cellLines(cell).join('\n').trim();
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The position as a user of the format looks for it: "sheet 1 cell D17",
 * "table 2, row 14, column 5", or undefined when a line number says it all.
 */
export function describePosition(at: SourcePosition | undefined): string | undefined {
  if (!at) return undefined;
  if (at.sheet !== undefined) return `sheet ${at.sheet} cell ${at.cell}`;
  if (at.table !== undefined) return `table ${at.table}, row ${at.row}${at.column !== undefined ? `, column ${at.column}` : ''}`;
  if (at.paragraph !== undefined) return `paragraph ${at.paragraph}`;
  return undefined;
}

/**
 * Drops the grid columns no cell starts in: every row has a horizontally
 * merged copy there. Spreadsheets made from pages with several tables share
 * one column grid across the sheet (LibreOffice spreads a page's column over
 * several sheet columns and merges them), so a table's logical column can be
 * three sheet columns wide.
 */
export function collapseLayoutColumns(table: ModelTable): ModelTable {
  const width = Math.max(0, ...table.rows.map((r) => r.cells.length));
  const keep = Array.from({ length: width }, (_, k) => table.rows.some((r) => r.cells[k] !== undefined && r.cells[k].spanned !== 'left'));
  if (keep.every(Boolean)) return table;
  return { ...table, rows: table.rows.map((r) => ({ ...r, cells: r.cells.filter((_, k) => keep[k]) })) };
}
