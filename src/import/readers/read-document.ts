import { decodeDocument } from './decode';
import type { DocumentModel } from '../model/document-model';
import { DocumentImportError } from '../model/import-error';
import { readDocx } from './read-docx';
import { looksLikeHtml, readHtml } from './read-html';
import { isOle2, type PreparedLegacy, readLegacyOffice } from './read-legacy-office';
import { looksLikeProse, readProse } from './read-prose';
import { looksLikeTextExport, readTextExport } from './read-text-export';
import { readXlsx } from './read-xlsx';
import { isZip, openZip } from './zip-entries';

/**
 * Chooses the reader by what the bytes are, never by the file name: a zip
 * holding word/document.xml is Word, one holding xl/workbook.xml is Excel;
 * an OLE2 compound file is a legacy Office file; markup is a web page;
 * anything else is text, in the Tika table layout or the prose layout.
 */
export function readDocument(bytes: Uint8Array, file: string, prepared?: PreparedLegacy): DocumentModel {
  if (isZip(bytes)) {
    const zip = openZip(bytes, file);
    if (zip.has('word/document.xml')) return readDocx(zip, file);
    if (zip.has('xl/workbook.xml')) return readXlsx(zip, file);
    throw new DocumentImportError([{ file, message: 'a zip archive that is neither a Word (.docx) nor an Excel (.xlsx) file' }]);
  }
  if (isOle2(bytes)) return readLegacyOffice(bytes, file, prepared);
  if (looksLikeHtml(bytes)) return readHtml(bytes, file);
  const { text, encoding } = decodeDocument(bytes, file);
  // Trailing spaces (and U+3000 padding) carry nothing; left in, a blank line that holds spaces stops separating rows.
  const lines = text.split('\n').map(trimTrailingBlanks);
  const reader = looksLikeTextExport(lines) ? readTextExport : looksLikeProse(lines) ? readProse : undefined;
  if (reader) {
    const model = reader(lines, encoding);
    if (encoding !== 'utf-8') model.notes.push({ at: { line: 1 }, message: `the file is ${encoding.toUpperCase()}-encoded; decoded as ${encoding.toUpperCase()}` });
    return model;
  }
  throw new DocumentImportError([{ file, message: 'unknown layout: no table with a 序号 header row (a line “\\t序号”)' }]);
}

/**
 * The line without its trailing spaces and U+3000. Not `replace(/[ \u3000]+$/)`:
 * a regex engine retries that pattern at every blank of an inner run, so a
 * line with a long run of inner spaces took quadratic time.
 */
function trimTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\u3000')) end--;
  return end === line.length ? line : line.slice(0, end);
}
