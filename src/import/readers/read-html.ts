import iconv from 'iconv-lite';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { DocumentModel, ModelBlock, ModelCell, ModelRow, SourceLine } from '../model/document-model';
import { DocumentImportError } from '../model/import-error';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Never the document: scripts, styles, and the site's navigation and footer around the notice. */
const IGNORED_TAGS = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside', 'iframe', 'select', 'button', 'form']);
const IGNORED_CLASS = /(^|[\s_-])(nav|navbar|menu|footer|foot|breadcrumb|crumb|sidebar|share|copyright)($|[\s_-])/i;
/** Elements that end a line of text. */
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'main', 'center', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'hr', 'tr', 'caption']);

/** Markup: a page starts with a doctype, <html>, or a tag, possibly after a BOM and white space. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  return /^<(!doctype html|html|head|body|meta|table|!--)/.test(head);
}

/**
 * Reader for a web page (parse5, the HTML standard's parsing algorithm):
 * paragraphs between tables, and each <table> as a grid with rowspan and
 * colspan expanded. <br> and block elements (<p>, <div>) end a line of a
 * cell; &nbsp; is a space. Navigation, footers and scripts are not read.
 * The charset comes from the BOM or the meta tag; without one, a page that is
 * valid UTF-8 is UTF-8 and anything else GB18030 (which reads GBK and GB2312).
 * Positions are lines of the page.
 */
export function readHtml(bytes: Uint8Array, file: string): DocumentModel {
  const { text, encoding } = decodeHtml(bytes, file);
  const document = parse(text, { sourceCodeLocationInfo: true });
  const reader = new HtmlReader();
  reader.walk(document);
  reader.flush();
  const notes = encoding === 'utf-8' ? [] : [{ at: { line: 1 }, message: `the page is ${encoding}-encoded; decoded as ${encoding}` }];
  return { format: 'html', encoding: encoding === 'utf-8' ? 'utf-8' : 'gbk', blocks: reader.blocks, notes, problems: [] };
}

function decodeHtml(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  const buffer = Buffer.from(bytes);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8' };
  const head = buffer.subarray(0, 4096).toString('latin1');
  const declared = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i)?.[1]?.toLowerCase();
  if (declared && !/^utf-?8$/.test(declared)) {
    // GB2312 and GBK pages routinely hold characters only GBK/GB18030 has: read them all as GB18030.
    const name = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared) ? 'gb18030' : declared;
    if (!iconv.encodingExists(name)) throw new DocumentImportError([{ file, message: `the page declares charset “${declared}”, which cannot be decoded` }]);
    return { text: iconv.decode(buffer, name), encoding: name === 'gb18030' ? 'gbk' : name };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    if (declared) throw new DocumentImportError([{ file, message: 'the page declares charset utf-8 but is not valid UTF-8' }]);
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gbk' };
  }
}

class HtmlReader {
  readonly blocks: ModelBlock[] = [];
  private line = '';
  private lineStart = 1;
  private currentLine = 1;

  walk(node: Node): void {
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterMap['textNode']).value;
      if (!this.line) this.lineStart = node.sourceCodeLocation?.startLine ?? this.currentLine;
      this.line += value;
      return;
    }
    if (!('childNodes' in node)) return;
    const element = node as Element;
    if (element.tagName && ignored(element)) return;
    this.currentLine = element.sourceCodeLocation?.startLine ?? this.currentLine;
    if (element.tagName === 'table') {
      this.flush();
      this.blocks.push(this.table(element));
      return;
    }
    const block = element.tagName !== undefined && BLOCK_TAGS.has(element.tagName);
    if (block) this.flush();
    const content = element.tagName === 'template' ? [] : element.childNodes;
    for (const child of content) this.walk(child);
    if (block) this.flush();
  }

  flush(): void {
    const text = clean(this.line);
    if (text) this.blocks.push({ kind: 'paragraph', text, at: { line: this.lineStart } });
    this.line = '';
  }

  private table(table: Element): ModelBlock {
    const at = { line: table.sourceCodeLocation?.startLine ?? this.currentLine };
    const trs = rowsOf(table);
    const grid: ModelCell[][] = trs.map(() => []);
    trs.forEach((tr, r) => {
      let column = 0;
      for (const td of tr.childNodes.filter(isElement).filter((c) => c.tagName === 'td' || c.tagName === 'th')) {
        while (grid[r][column]) column++;
        const rowspan = clamp(attr(td, 'rowspan'), trs.length - r);
        const colspan = clamp(attr(td, 'colspan'), 1000);
        const cell: ModelCell = { lines: cellLines(td), at: { line: td.sourceCodeLocation?.startLine ?? at.line } };
        for (let dr = 0; dr < rowspan; dr++) {
          for (let dc = 0; dc < colspan; dc++) {
            grid[r + dr][column + dc] = dr === 0 && dc === 0 ? cell : { ...cell, ...(dc > 0 && { spanned: 'left' as const }), ...(dr > 0 && { continued: true }) };
          }
        }
        column += colspan;
      }
    });
    const rows: ModelRow[] = trs.map((tr, r) => ({
      cells: Array.from(grid[r], (cell) => cell ?? { lines: [], at: { line: tr.sourceCodeLocation?.startLine ?? at.line } }),
      at: { line: tr.sourceCodeLocation?.startLine ?? at.line },
    }));
    return { kind: 'table', rows, at };
  }
}

/** The table's own rows (in thead/tbody/tfoot), not those of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  return table.childNodes.filter(isElement).flatMap((c) => (c.tagName === 'tr' ? [c] : ['thead', 'tbody', 'tfoot'].includes(c.tagName) ? c.childNodes.filter(isElement).filter((r) => r.tagName === 'tr') : []));
}

/** A cell's lines: <br> and block elements break; each line is trimmed, blank lines inside kept, trailing ones dropped. */
function cellLines(td: Element): SourceLine[] {
  const lines: SourceLine[] = [];
  let text = '';
  let start = td.sourceCodeLocation?.startLine ?? 0;
  const breakLine = () => {
    lines.push({ text: clean(text), at: { line: start } });
    text = '';
  };
  const walk = (node: Node) => {
    if (node.nodeName === '#text') {
      if (!text) start = node.sourceCodeLocation?.startLine ?? start;
      text += (node as DefaultTreeAdapterMap['textNode']).value;
      return;
    }
    if (!('childNodes' in node)) return;
    const element = node as Element;
    if (ignored(element)) return;
    if (element.tagName === 'br') return breakLine();
    const block = BLOCK_TAGS.has(element.tagName) || element.tagName === 'table';
    if (block && text.trim()) breakLine();
    element.childNodes.forEach(walk);
    if (block) breakLine();
  };
  td.childNodes.forEach(walk);
  if (text.trim()) breakLine();
  // Block ends make empty lines between paragraphs (</p> then <p>): keep the text lines only, as Word's cells have them.
  const texts = lines.filter((l) => l.text !== '');
  return texts.length ? texts : [{ text: '', at: { line: td.sourceCodeLocation?.startLine ?? 0 } }];
}

/** Collapses the page's white space (newlines in the source are not line breaks) and reads &nbsp; as a space. */
function clean(text: string): string {
  return text.replace(/[\t\n\r\f ]+/g, ' ').replace(/\u00a0/g, ' ').trim();
}

function ignored(element: Element): boolean {
  if (IGNORED_TAGS.has(element.tagName)) return true;
  const classes = element.attrs?.filter((a) => a.name === 'class' || a.name === 'id').map((a) => a.value).join(' ');
  return !!classes && IGNORED_CLASS.test(classes);
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attr(element: Element, name: string): number {
  return Number(element.attrs.find((a) => a.name === name)?.value ?? 1);
}

function clamp(value: number, max: number): number {
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : 1;
}
