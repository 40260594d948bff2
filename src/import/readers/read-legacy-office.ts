import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentModel } from '../model/document-model';
import { DocumentImportError } from '../model/import-error';
import { readWordBinary } from './read-word-binary';
import { readXlsx } from './read-xlsx';
import { openZip } from './zip-entries';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE2 compound file: the binary .doc/.xls/.wps of Word, Excel and WPS before 2007 (and encrypted Office files). */
export function isOle2(bytes: Uint8Array): boolean {
  return OLE2.every((b, k) => bytes[k] === b);
}

/** Stream names live in the compound file's directory as UTF-16LE. */
function hasStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(name, 'utf16le'));
}

/**
 * Reader for legacy binary Office files. A Word 97 .doc (or WPS saved as one)
 * is read from its text stream in JavaScript (read-word-binary.ts: cell and
 * row marks give the tables; the seed plan reads item for item as its text
 * export). An Excel 97 .xls goes through LibreOffice when `soffice` is
 * installed, into .xlsx, and the modern reader reads that; without
 * LibreOffice it is refused with how to convert it. An Office file saved with a password is an OLE2 file holding
 * an EncryptionInfo stream: refused, whatever is installed.
 */
export function readLegacyOffice(bytes: Uint8Array, file: string, prepared?: PreparedLegacy): DocumentModel {
  // Word's binary text stream is read in JavaScript (tables, cell paragraphs); only Excel 97 still needs LibreOffice.
  if (legacyKind(bytes, file) === 'word') return readWordBinary(bytes, file, prepared?.wordBody);
  if (prepared?.xlsx) return fromConverted(prepared.xlsx, file);
  // The CLI's path: it has nothing else to do meanwhile. The server converts beforehand (prepare-legacy.ts).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-legacy-'));
  try {
    const input = path.join(dir, 'workbook.xls');
    fs.writeFileSync(input, bytes);
    const result = spawnSync(sofficeCommand(), sofficeArgs(dir, input), { encoding: 'utf8', timeout: 120_000 });
    const output = path.join(dir, 'workbook.xlsx');
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw sofficeMissing(file);
    if (!fs.existsSync(output)) throw conversionFailed(file, result.stderr || result.stdout || String(result.error ?? ''));
    return fromConverted(fs.readFileSync(output), file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What a legacy file was turned into beforehand, off the request thread and without blocking (prepare-legacy.ts). */
export interface PreparedLegacy {
  /** A Word 97 document's body text, as word-extractor gives it. */
  wordBody?: string;
  /** An Excel 97 workbook converted to .xlsx by LibreOffice. */
  xlsx?: Uint8Array;
}

/** Which legacy Office file this is; refuses encrypted files and other compound files with what to do. */
export function legacyKind(bytes: Uint8Array, file: string): 'word' | 'excel' {
  if (hasStream(bytes, 'EncryptionInfo') || hasStream(bytes, 'EncryptedPackage')) {
    throw new DocumentImportError([{ file, message: 'the document is encrypted (password-protected): save it without a password and import it again' }]);
  }
  if (hasStream(bytes, 'WordDocument')) return 'word';
  if (hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book')) return 'excel';
  throw new DocumentImportError([{ file, message: 'an OLE2 compound file that is neither a Word (.doc/.wps) nor an Excel (.xls) document' }]);
}

export function sofficeCommand(): string {
  return process.env.DUBAN_SOFFICE ?? 'soffice';
}

/** The arguments of one conversion: a private profile, since a second soffice sharing the user's profile waits for, or talks to, the first. */
export function sofficeArgs(dir: string, input: string): string[] {
  return [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', dir, input];
}

export function sofficeMissing(file: string): DocumentImportError {
  return new DocumentImportError([{
    file,
    message: `a legacy Excel .xls file, and LibreOffice (soffice) is not installed to convert it: install LibreOffice, or save it as .xlsx (Word/WPS: 另存为 → .xlsx; or \`soffice --headless --convert-to xlsx ${path.basename(file)}\`) and import that`,
  }]);
}

export function conversionFailed(file: string, said: string): DocumentImportError {
  return new DocumentImportError([{ file, message: `LibreOffice could not convert the legacy file to .xlsx: ${said.trim() || 'no output'}` }]);
}

function fromConverted(xlsx: Uint8Array, file: string): DocumentModel {
  const model = readXlsx(openZip(xlsx, file), file);
  return { ...model, format: 'doc', notes: [...model.notes, { at: { line: 1 }, message: 'a legacy binary Excel file; read after converting it to .xlsx with LibreOffice' }] };
}
