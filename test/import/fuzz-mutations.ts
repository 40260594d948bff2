import iconv from 'iconv-lite';

/**
 * Damage done to a real document, deterministically (seeded PRNG), for the
 * fuzz test. Works on the text's lines and knows just enough of the export's
 * shape (tables, rows, cells) to damage it the way copies get damaged.
 */

/** mulberry32: tiny, seeded, good enough to pick lines. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

export interface Row {
  /** Line index (0-based) of the row's first cell. */
  start: number;
  /** One past the row's last line (its trailing blank line included). */
  end: number;
  /** Written 序号, or null for a row that lost its 序号 cell (" \t"). */
  number: number | null;
  /** Line indexes of the tab lines that open the row's cells, in order. */
  cells: number[];
}

export interface Table {
  /** Line index of "\t序号". */
  header: number;
  /** One past the last header cell line. */
  bodyStart: number;
  rows: Row[];
  /** Stated count in its title (10项) or none. */
  stated: boolean;
}

/** The tables of a document, with their rows and cells as line indexes. */
export function tablesOf(lines: readonly string[]): Table[] {
  const headers = lines.flatMap((line, i) => (line === '\t序号' ? [i] : []));
  return headers.map((header, t) => {
    let bodyStart = header;
    while (lines[bodyStart].startsWith('\t')) bodyStart++;
    const limit = t + 1 < headers.length ? previousTextLine(lines, headers[t + 1]) : lines.length;
    const rows: Row[] = [];
    for (let i = bodyStart; i < limit; i++) {
      const numbered = /^\t\d+$/.test(lines[i]) && lines[i - 1] === '';
      const orphan = /^ \t/.test(lines[i]);
      if (numbered || orphan) rows.push({ start: i, end: limit, number: numbered ? Number(lines[i].slice(1)) : null, cells: [] });
      const row = rows[rows.length - 1];
      if (row && /^ ?\t/.test(lines[i])) row.cells.push(i);
    }
    rows.forEach((row, k) => {
      if (k + 1 < rows.length) row.end = rows[k + 1].start;
    });
    const title = lines.slice(0, header).reverse().find((l) => l.trim()) ?? '';
    return { header, bodyStart, rows, stated: /\d+项/.test(title) };
  });
}

/** Where the preamble (附件N mark or title) of the table whose header is at `header` starts, as the parser finds it. */
function previousTextLine(lines: readonly string[], header: number): number {
  let top = header;
  while (top > 0 && !/^ *\t/.test(lines[top - 1])) top--;
  for (let i = top; i < header; i++) if (/^\s*附件\s*\d+\s*$/.test(lines[i])) return i;
  for (let i = header - 1; i >= top; i--) if (lines[i].trim()) return i;
  return header;
}

/** Lines of a row block, for moving and copying. */
export function rowLines(lines: readonly string[], row: Row): string[] {
  return lines.slice(row.start, row.end);
}

export function splice(lines: readonly string[], start: number, deleteCount: number, ...insert: string[]): string[] {
  const out = lines.slice();
  out.splice(start, deleteCount, ...insert);
  return out;
}

export type Encoding = 'utf-8-bom' | 'gbk' | 'gb18030' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'big5' | 'shift_jis' | 'utf-32le';

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    case 'utf-32le':
      return Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(text, 'utf-32le')]);
    default:
      return iconv.encode(text, encoding);
  }
}

/** Whether an encoding holds every character of the text (GBK has no •). */
export function lossless(text: string, encoding: 'gbk' | 'big5' | 'shift_jis'): boolean {
  return iconv.decode(iconv.encode(text, encoding), encoding) === text;
}
