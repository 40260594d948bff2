import { spawnSync } from 'node:child_process';
import type { DocumentModel, ModelBlock, ModelCell, ModelRow, SourcePosition } from '../model/document-model';
import { DocumentImportError } from '../model/import-error';

/**
 * word-extractor reads the Word 97 binary text stream (piece table, cp1252
 * and UTF-16 runs) and marks table structure the way Word stores it: a cell
 * ends with its cell mark (written \t), a row ends with the row mark (the
 * paragraph flagged sprmPFTtp, written \n after the last cell's \t), and the
 * paragraphs inside a cell are separated by \n. Its API is asynchronous
 * while parsing is synchronous throughout, so it runs in a short-lived Node
 * process, as LibreOffice would — but pure JavaScript, from the npm registry.
 * filterUnicode: false keeps the document's own punctuation (“” are not ASCII quotes).
 */
const EXTRACT = `
const WordExtractor = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  try {
    const doc = await new WordExtractor().extract(Buffer.concat(chunks));
    process.stdout.write(JSON.stringify({ body: doc.getBody({ filterUnicode: false }) }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String((error && error.message) || error) }));
  }
});`;

/** The body text of a Word 97 .doc, as word-extractor gives it. */
function extractBody(bytes: Uint8Array, file: string): string {
  const result = spawnSync(process.execPath, ['-e', EXTRACT, require.resolve('word-extractor')], { input: bytes, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 60_000 });
  let answer: { body?: string; error?: string } = {};
  try {
    answer = JSON.parse(result.stdout);
  } catch {
    answer = { error: (result.stderr || String(result.error ?? 'no output')).trim().split('\n')[0] };
  }
  if (answer.body === undefined) throw new DocumentImportError([{ file, message: `the legacy Word file could not be read: ${answer.error}` }]);
  return answer.body;
}

/**
 * Reader for legacy binary Word (.doc, and WPS saved as .doc) without
 * LibreOffice. The text stream does not say which header cells are merged
 * across columns (工作任务 over category and content), so the layout is
 * inferred from the header words as for the text export (`headerSpans`), and
 * a vertically merged cell's continuation is an empty cell (the category
 * continues from the row above, as the interpretation reads any empty
 * category cell). Positions: `line` counts the body's paragraphs, cells carry
 * their table, row and column.
 */
export function readWordBinary(bytes: Uint8Array, file: string, extracted?: string): DocumentModel {
  // `extracted`: the body read beforehand without blocking (prepare-legacy.ts, the upload route's path).
  const body = (extracted ?? extractBody(bytes, file)).replace(/\r\n?/g, '\n');
  const blocks: ModelBlock[] = [];
  let line = 0;
  let paragraph = 0;
  let tables = 0;
  let current: { rows: ModelRow[]; at: SourcePosition } | undefined;
  const addParagraph = (text: string) => {
    line += 1;
    if (!text.trim()) return;
    paragraph += 1;
    current = undefined;
    blocks.push({ kind: 'paragraph', text: text.trim(), at: { line, paragraph } });
  };

  const segments = body.split('\t\n');
  segments.forEach((segment, k) => {
    if (k === segments.length - 1) {
      for (const text of segment.split('\n')) if (text !== '' || segment !== '') addParagraph(text);
      return;
    }
    const cells = segment.split('\t');
    // Paragraphs before a table ride in its first row's first cell: its last line is the cell (a 序号 is one line).
    const lead = cells[0].split('\n');
    for (const text of lead.slice(0, -1)) addParagraph(text);
    cells[0] = lead[lead.length - 1];
    if (!current || cells[0].replace(/\s+/g, '') === '序号') {
      tables += 1;
      current = { rows: [], at: { line: line + 1, table: tables, row: 1, column: 1 } };
      blocks.push({ kind: 'table', rows: current.rows, at: current.at });
    }
    const rowNumber = current.rows.length + 1;
    const rowAt: SourcePosition = { line: line + 1, table: tables, row: rowNumber, column: 1 };
    const modelCells: ModelCell[] = cells.map((text, c) => {
      const at: SourcePosition = { line: line + 1, table: tables, row: rowNumber, column: c + 1 };
      const lines = text.split('\n').map((t) => t.trim()).filter(Boolean);
      line += Math.max(1, text.split('\n').length);
      return { lines: (lines.length ? lines : ['']).map((t) => ({ text: t, at })), at };
    });
    current.rows.push({ cells: modelCells, at: rowAt });
  });
  return {
    format: 'doc',
    encoding: 'utf-8',
    blocks,
    notes: [{ at: { line: 1 }, message: 'a legacy binary Word file; read from its text stream (word-extractor): merged header cells are inferred from the header words' }],
    problems: [],
    headerSpans: 'unknown',
  };
}
