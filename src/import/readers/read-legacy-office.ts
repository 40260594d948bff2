import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentModel } from '../model/document-model';
import { DocumentImportError } from '../model/import-error';
import { readDocx } from './read-docx';
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
export function readLegacyOffice(bytes: Uint8Array, file: string): DocumentModel {
  if (hasStream(bytes, 'EncryptionInfo') || hasStream(bytes, 'EncryptedPackage')) {
    throw new DocumentImportError([{ file, message: 'the document is encrypted (password-protected): save it without a password and import it again' }]);
  }
  const word = hasStream(bytes, 'WordDocument');
  const excel = hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book');
  if (!word && !excel) {
    throw new DocumentImportError([{ file, message: 'an OLE2 compound file that is neither a Word (.doc/.wps) nor an Excel (.xls) document' }]);
  }
  // Word's binary text stream is read in JavaScript (tables, cell paragraphs); only Excel 97 still needs LibreOffice.
  if (word) return readWordBinary(bytes, file);
  const target = word ? 'docx' : 'xlsx';
  const soffice = process.env.DUBAN_SOFFICE ?? 'soffice';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-legacy-'));
  try {
    const input = path.join(dir, word ? 'document.doc' : 'workbook.xls');
    fs.writeFileSync(input, bytes);
    // A private profile: a second soffice sharing the user's profile waits for, or talks to, the first.
    const result = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', target, '--outdir', dir, input],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const output = path.join(dir, `${path.parse(input).name}.${target}`);
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      throw new DocumentImportError([{
        file,
        message: `a legacy ${word ? 'Word .doc/.wps' : 'Excel .xls'} file, and LibreOffice (soffice) is not installed to convert it: install LibreOffice, or save it as .${target} (Word/WPS: 另存为 → .${target}; or \`soffice --headless --convert-to ${target} ${path.basename(file)}\`) and import that`,
      }]);
    }
    if (!fs.existsSync(output)) {
      throw new DocumentImportError([{ file, message: `LibreOffice could not convert the legacy file to .${target}: ${(result.stderr || result.stdout || String(result.error ?? '')).trim() || 'no output'}` }]);
    }
    const zip = openZip(fs.readFileSync(output), file);
    const model = word ? readDocx(zip, file) : readXlsx(zip, file);
    return { ...model, format: 'doc', notes: [...model.notes, { at: { line: 1 }, message: `a legacy binary ${word ? 'Word' : 'Excel'} file; read after converting it to .${target} with LibreOffice` }] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
