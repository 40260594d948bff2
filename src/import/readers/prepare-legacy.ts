import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DocumentImportError } from '../model/import-error';
import { conversionFailed, isOle2, legacyKind, type PreparedLegacy, sofficeArgs, sofficeCommand, sofficeMissing } from './read-legacy-office';

const run = promisify(execFile);

/**
 * The asynchronous half of reading a legacy Office file, for callers that
 * must not block (the upload route's parse thread, which serves several
 * uploads): word-extractor's own promise for a Word 97 .doc, in this thread
 * rather than a child process, and LibreOffice through execFile for an Excel
 * 97 .xls. The synchronous parse then reads what this returns. Anything else
 * needs no preparation (undefined).
 */
export async function prepareLegacy(bytes: Uint8Array, file: string): Promise<PreparedLegacy | undefined> {
  if (!isOle2(bytes)) return undefined;
  if (legacyKind(bytes, file) === 'word') return { wordBody: await extractWordBody(bytes, file) };
  return { xlsx: await convertWorkbook(bytes, file) };
}

async function extractWordBody(bytes: Uint8Array, file: string): Promise<string> {
  // word-extractor ships no type declarations.
  const WordExtractor = require('word-extractor');
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    // filterUnicode: false keeps the document's own punctuation (“” are not ASCII quotes), as read-word-binary.ts does.
    return doc.getBody({ filterUnicode: false });
  } catch (error) {
    throw new DocumentImportError([{ file, message: `the legacy Word file could not be read: ${(error as Error)?.message ?? String(error)}` }]);
  }
}

async function convertWorkbook(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'duban-legacy-'));
  try {
    const input = path.join(dir, 'workbook.xls');
    await fs.writeFile(input, bytes);
    let said = '';
    try {
      const result = await run(sofficeCommand(), sofficeArgs(dir, input), { encoding: 'utf8', timeout: 120_000 });
      said = result.stderr || result.stdout;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw sofficeMissing(file);
      said = String((error as { stderr?: string }).stderr || (error as Error).message);
    }
    try {
      return await fs.readFile(path.join(dir, 'workbook.xlsx'));
    } catch {
      throw conversionFailed(file, said);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
