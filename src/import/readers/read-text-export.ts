import { type Cell, cellText, readCells } from './cells';
import type { DocumentModel, ModelBlock, ModelCell, ModelRow, ReaderNote } from '../model/document-model';

const HEADER_START = /^\t序号\s*$/;

/** A text export of Word tables (Apache Tika's layout): a table starts at a “\t序号” line. */
export function looksLikeTextExport(lines: string[]): boolean {
  return lines.some((line) => HEADER_START.test(line));
}

/**
 * Reader for the Tika text export: a tab before each cell, a newline after
 * each paragraph, a blank line between rows. Tables start at their “\t序号”
 * header line; the header cells are the tab lines that follow it; the body
 * runs to the next table's preamble (the lines between its last cell and the
 * next header). Rows are found the way the export writes them: a row opens
 * with a bare number after a blank line, or with “ \t” where Word lost the
 * row's leading cells.
 */
export function readTextExport(lines: string[], encoding: string): DocumentModel {
  const blocks: ModelBlock[] = [];
  const problems: ReaderNote[] = [];
  const headers = lines.flatMap((line, index) => (HEADER_START.test(line) ? [index] : []));
  const paragraphs = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (lines[i].trim()) blocks.push({ kind: 'paragraph', text: lines[i], at: { line: i + 1 } });
    }
  };
  const preambleStarts = headers.map((header) => {
    let top = header;
    while (top > 0 && !/^ *\t/.test(lines[top - 1])) top--;
    return top;
  });

  paragraphs(0, preambleStarts[0] ?? lines.length);
  headers.forEach((header, t) => {
    paragraphs(preambleStarts[t], header);
    let bodyStart = header;
    const headerCells: ModelCell[] = [];
    while (bodyStart < lines.length && lines[bodyStart].startsWith('\t')) {
      headerCells.push({ lines: [{ text: lines[bodyStart].slice(1).trim(), at: { line: bodyStart + 1 } }], at: { line: bodyStart + 1 } });
      bodyStart++;
    }
    const end = t + 1 < headers.length ? preambleStarts[t + 1] : lines.length;
    const { cells, stray } = readCells(lines, bodyStart, end);
    stray.forEach((line) => problems.push({ at: { line }, message: 'text outside any table cell' }));
    const rows: ModelRow[] = [{ cells: headerCells, at: { line: header + 1 } }];
    for (const group of groupCells(cells)) {
      rows.push({
        cells: group.map(toModelCell),
        at: { line: group[0].line },
        lostLeadingCells: group[0].orphanRowStart || undefined,
      });
    }
    blocks.push({ kind: 'table', rows, at: { line: header + 1 } });
  });
  return { format: 'text', encoding, blocks, notes: [], problems };
}

function toModelCell(cell: Cell): ModelCell {
  return { lines: cell.lines.map((text, k) => ({ text, at: { line: cell.line + k } })), at: { line: cell.line } };
}

function groupCells(cells: Cell[]): Cell[][] {
  const groups: Cell[][] = [];
  for (const cell of cells) {
    const startsRow =
      groups.length === 0 || cell.orphanRowStart || (cell.afterBlankLine && /^\d+$/.test(cellText(cell)));
    if (startsRow) groups.push([cell]);
    else groups[groups.length - 1].push(cell);
  }
  return groups;
}
