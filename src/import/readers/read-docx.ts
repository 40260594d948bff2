import type { DocumentModel, ModelBlock, ModelCell, ModelRow, SourceLine, SourcePosition } from '../model/document-model';
import { DocumentImportError } from '../model/import-error';
import { child, parseXml, type XmlElement as Element } from './xml-tree';
import type { ZipEntries } from './zip-entries';

/** Wrappers whose content reads as if they were not there (content controls, tracked insertions, links, custom XML). */
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'fldSimple', 'dir', 'bdo']);
/** Content that is not in the document any more, or not text of it (mc:Fallback repeats mc:Choice for old readers). */
const SKIPPED = new Set(['del', 'moveFrom', 'Fallback', 'sdtPr', 'sdtEndPr', 'rPr', 'pPr', 'tcPr', 'trPr', 'tblPr', 'tblGrid', 'instrText', 'delText', 'drawing', 'pict', 'object', 'footnoteReference', 'endnoteReference', 'commentReference']);

/**
 * Reader for Word .docx (word/document.xml, read with a real XML parser).
 * Paragraphs and tables in body order; a paragraph's w:br starts a new line;
 * w:tab is a tab; deleted runs (w:del) are skipped; bookmarks, proofing marks
 * and field instructions carry no text; a field's result and a content
 * control's content read as ordinary text, in cells too. w:gridSpan repeats a
 * cell across its columns, w:vMerge="continue" repeats the cell above.
 * Positions: the table, row and grid column, and the paragraph's number in
 * body order as `line`.
 */
export function readDocx(zip: ZipEntries, file: string): DocumentModel {
  const xml = zip.text('word/document.xml')!;
  let root: Element;
  try {
    root = parseXml(xml);
  } catch (error) {
    throw new DocumentImportError([{ file, message: `word/document.xml is not well-formed XML (${(error as Error).message}): the .docx is damaged` }]);
  }
  const body = child(root, 'body');
  if (!body) throw new DocumentImportError([{ file, message: 'word/document.xml has no w:body: the .docx is damaged' }]);
  const reader = new DocxReader();
  reader.blocksOf(body);
  return { format: 'docx', encoding: 'utf-8', blocks: reader.blocks, notes: [], problems: [] };
}

class DocxReader {
  readonly blocks: ModelBlock[] = [];
  private paragraphs = 0;
  private tables = 0;

  blocksOf(parent: Element): void {
    for (const node of parent.children) {
      if (node.local === 'p') {
        for (const text of this.paragraphLines(node)) this.blocks.push({ kind: 'paragraph', text, at: { line: this.paragraphs, paragraph: this.paragraphs } });
      } else if (node.local === 'tbl') this.blocks.push(this.table(node));
      else if (TRANSPARENT.has(node.local)) this.blocksOf(node);
    }
  }

  /** The lines of one paragraph: one, or more where w:br / w:cr break it. */
  private paragraphLines(p: Element): string[] {
    this.paragraphs++;
    const lines = [''];
    const walk = (node: Element) => {
      for (const c of node.children) {
        const name = c.local;
        if (SKIPPED.has(name)) continue;
        if (name === 't') lines[lines.length - 1] += c.text;
        else if (name === 'tab' || name === 'ptab') lines[lines.length - 1] += '\t';
        else if (name === 'br' || name === 'cr') {
          // A page or column break inside a paragraph is layout, not a new line of text.
          if (!c.attrs.type || c.attrs.type === 'textWrapping') lines.push('');
        } else if (name === 'noBreakHyphen') lines[lines.length - 1] += '-';
        else if (name === 'sym') lines[lines.length - 1] += String.fromCharCode(parseInt(c.attrs.char ?? '20', 16));
        else walk(c);
      }
    };
    walk(p);
    return lines;
  }

  private table(tbl: Element): ModelBlock {
    const table = ++this.tables;
    const at: SourcePosition = { line: this.paragraphs + 1, table, row: 1 };
    const rows: ModelRow[] = [];
    const trs = rowsOf(tbl);
    trs.forEach((tr, r) => {
      const cells: ModelCell[] = [];
      const before = Number(child(child(tr, 'trPr'), 'gridBefore')?.attrs.val ?? 0);
      for (let k = 0; k < before; k++) cells.push({ lines: [], at: { line: this.paragraphs + 1, table, row: r + 1, column: k + 1 } });
      for (const tc of cellsOf(tr)) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Number(child(tcPr, 'gridSpan')?.attrs.val || 1));
        const vMerge = child(tcPr, 'vMerge');
        const column = cells.length;
        const cellAt: SourcePosition = { line: this.paragraphs + 1, table, row: r + 1, column: column + 1 };
        let cell: ModelCell;
        if (vMerge && vMerge.attrs.val !== 'restart' && rows.length && rows[rows.length - 1].cells[column]) {
          this.cellLines(tc, table, r + 1, column + 1); // count its paragraphs, keep none: Word leaves them empty
          const above = rows[rows.length - 1].cells[column];
          cell = { lines: above.lines, at: above.at, continued: true };
        } else {
          cell = { lines: this.cellLines(tc, table, r + 1, column + 1), at: cellAt };
        }
        cells.push(cell);
        for (let k = 1; k < span; k++) cells.push({ ...cell, spanned: 'left' });
      }
      rows.push({ cells, at: { line: cells[0]?.at.line ?? this.paragraphs, table, row: r + 1 } });
    });
    return { kind: 'table', rows, at };
  }

  /** A cell's lines: its paragraphs (and the lines w:br makes in them), nested tables flattened in reading order. */
  private cellLines(tc: Element, table: number, row: number, column: number): SourceLine[] {
    const lines: SourceLine[] = [];
    const walk = (node: Element) => {
      for (const c of node.children) {
        if (c.local === 'p') {
          const texts = this.paragraphLines(c);
          texts.forEach((text) => lines.push({ text, at: { line: this.paragraphs, table, row, column } }));
        } else if (c.local === 'tbl') {
          for (const tr of rowsOf(c)) for (const inner of cellsOf(tr)) walk(inner);
        } else if (TRANSPARENT.has(c.local)) walk(c);
      }
    };
    walk(tc);
    while (lines.length > 1 && lines[lines.length - 1].text.trim() === '') lines.pop();
    return lines;
  }
}

/** w:tr, also where a content control or custom XML wraps rows. */
function rowsOf(tbl: Element): Element[] {
  return tbl.children.flatMap((c) => (c.local === 'tr' ? [c] : TRANSPARENT.has(c.local) ? rowsOf(c) : []));
}

/** w:tc, also where a content control wraps the cell. */
function cellsOf(tr: Element): Element[] {
  return tr.children.flatMap((c) => (c.local === 'tc' ? [c] : TRANSPARENT.has(c.local) ? cellsOf(c) : []));
}
