import { columnLetters, type DocumentModel, type ModelBlock, type ModelCell, type ModelRow } from '../model/document-model';
import { DocumentImportError } from '../model/import-error';
import { descendants, parseXml, type XmlElement as Element } from './xml-tree';
import type { ZipEntries } from './zip-entries';

interface SheetCell {
  text: string;
  row: number;
  column: number;
}

/**
 * Reader for Excel .xlsx (the workbook's XML parts, read with the same zip
 * and XML libraries as Word). Each sheet is read top to bottom: a row whose
 * first cell is 序号 opens a table, which runs until a row holding text in
 * its first cell only (the next table's title) or the end of the sheet; the
 * other rows are paragraphs (a ledger's title row says its year, period and
 * kind, as a letterhead would). Merged ranges repeat their value in every
 * cell they cover. A line break inside a cell is a line of the cell.
 * Positions: sheet number and A1 address; `line` is the sheet row.
 */
export function readXlsx(zip: ZipEntries, file: string): DocumentModel {
  const parse = (name: string): Element => {
    const xml = zip.text(name);
    if (xml === undefined) throw new DocumentImportError([{ file, message: `the workbook has no part ${name}: the .xlsx is damaged` }]);
    try {
      return parseXml(xml);
    } catch (error) {
      throw new DocumentImportError([{ file, message: `${name} is not well-formed XML (${(error as Error).message}): the .xlsx is damaged` }]);
    }
  };
  const workbook = parse('xl/workbook.xml');
  const rels = new Map(
    elements(parse('xl/_rels/workbook.xml.rels'), 'Relationship').map((r) => [r.attrs.Id, r.attrs.Target ?? '']),
  );
  const shared = zip.has('xl/sharedStrings.xml') ? elements(parse('xl/sharedStrings.xml'), 'si').map(stringItem) : [];
  const blocks: ModelBlock[] = [];
  let cellsSeen = 0;
  elements(workbook, 'sheet').forEach((sheet, index) => {
    const target = rels.get(sheet.attrs.id) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const cells = readSheet(parse(path), shared);
    cellsSeen += cells.filter((c) => c.text.trim()).length;
    blocks.push(...sheetBlocks(cells, index + 1));
  });
  if (cellsSeen === 0) throw new DocumentImportError([{ file, message: 'the spreadsheet is empty: no sheet has a filled cell' }]);
  return { format: 'xlsx', encoding: 'utf-8', blocks, notes: [], problems: [] };
}

function readSheet(sheet: Element, shared: string[]): SheetCell[] {
  const cells: SheetCell[] = [];
  for (const c of elements(sheet, 'c')) {
    const ref = c.attrs.r;
    const address = ref ? parseAddress(ref) : undefined;
    if (!address) continue;
    const type = c.attrs.t;
    const value = c.children.find((v) => v.local === 'v')?.text ?? '';
    let text: string;
    if (type === 's') text = shared[Number(value)] ?? '';
    else if (type === 'inlineStr') text = c.children.filter((e) => e.local === 'is').map(stringItem).join('');
    else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
    else text = value;
    cells.push({ text, ...address });
  }
  // Merged ranges: the top-left value stands in every cell of the range.
  const at = new Map(cells.map((c, index) => [`${c.row},${c.column}`, index]));
  for (const merge of elements(sheet, 'mergeCell')) {
    const [from, to] = (merge.attrs.ref ?? '').split(':').map(parseAddress);
    if (!from || !to) continue;
    const originIndex = at.get(`${from.row},${from.column}`);
    if (originIndex === undefined) continue;
    const origin = cells[originIndex];
    for (let r = from.row; r <= to.row; r++) {
      for (let k = from.column; k <= to.column; k++) {
        if (r === from.row && k === from.column) continue;
        const copy = { text: origin.text, row: r, column: k, mergedFrom: origin };
        const existing = at.get(`${r},${k}`);
        if (existing !== undefined) cells[existing] = copy;
        else at.set(`${r},${k}`, cells.push(copy) - 1);
      }
    }
  }
  return cells;
}

function sheetBlocks(cells: SheetCell[], sheet: number): ModelBlock[] {
  const byRow = new Map<number, SheetCell[]>();
  for (const cell of cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  const blocks: ModelBlock[] = [];
  let table: { kind: 'table'; rows: ModelRow[]; at: ModelRow['at'] } | undefined;
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const row = byRow.get(r)!.sort((a, b) => a.column - b.column);
    const filled = row.filter((c) => c.text.trim());
    if (!filled.length) continue;
    const first = row.find((c) => c.column === 0)?.text.replace(/\s+/g, '') ?? '';
    const width = Math.max(...row.map((c) => c.column)) + 1;
    const modelRow = (): ModelRow => ({
      cells: Array.from({ length: width }, (_, k) => modelCell(row, r, k, sheet)),
      at: { line: r + 1, sheet, cell: `A${r + 1}` },
    });
    const titleOnly = filled.every((c) => c.text === filled[0].text) && !/^\d+$/.test(filled[0].text.trim());
    if (first === '序号') {
      table = { kind: 'table', rows: [modelRow()], at: { line: r + 1, sheet, cell: `A${r + 1}` } };
      blocks.push(table);
    } else if (table && !titleOnly) table.rows.push(modelRow());
    else {
      table = undefined;
      blocks.push({ kind: 'paragraph', text: filled[0].text.trim(), at: { line: r + 1, sheet, cell: `${columnLetters(filled[0].column)}${r + 1}` } });
    }
  }
  return blocks;
}

function modelCell(row: SheetCell[], r: number, k: number, sheet: number): ModelCell {
  const cell = row.find((c) => c.column === k) as (SheetCell & { mergedFrom?: SheetCell }) | undefined;
  const address = `${columnLetters(k)}${r + 1}`;
  const at = { line: r + 1, sheet, cell: address };
  const lines = (cell?.text ?? '').replace(/\r\n?/g, '\n').split('\n').map((text) => ({ text: text.trim(), at }));
  const merged = cell?.mergedFrom;
  return {
    lines: lines.filter((l, i) => l.text || i === 0),
    at,
    ...(merged && merged.column < k && { spanned: 'left' as const }),
    ...(merged && merged.row < r && { continued: true }),
  };
}

/** A shared or inline string: its text runs, without the phonetic guide (rPh). */
function stringItem(si: Element): string {
  let text = '';
  const walk = (node: Element) => {
    for (const e of node.children) {
      if (e.local === 'rPh' || e.local === 'phoneticPr') continue;
      if (e.local === 't') text += e.text;
      else walk(e);
    }
  };
  walk(si);
  return text;
}

function parseAddress(ref: string): { row: number; column: number } | undefined {
  const m = ref.match(/^\$?([A-Z]+)\$?(\d+)$/);
  if (!m) return undefined;
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, column };
}

function elements(root: Element, localName: string): Element[] {
  return descendants(root, localName);
}
