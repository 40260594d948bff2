import { strFromU8, unzipSync } from 'fflate';
import { DocumentImportError } from '../model/import-error';

/** The XML parts of an Office file (.docx, .xlsx), by their path in the zip. */
export interface ZipEntries {
  has(name: string): boolean;
  /** The part as text, or undefined when the zip has no such part. */
  text(name: string): string | undefined;
  names(): string[];
}

/** The parts a reader looks at: the XML and the relationships between them. */
const PARTS = /\.(xml|rels)$/;

/** Far above the XML of a 100,000-row plan, far below what would exhaust the server's memory. */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Opens an Office zip. fflate reads the archive; it does not look at the
 * encryption flag, so a password-protected zip would decode to garbage:
 * refuse it first, by the flag in each central directory entry.
 */
export function openZip(bytes: Uint8Array, file: string): ZipEntries {
  let encrypted: boolean;
  try {
    encrypted = centralDirectoryFlags(bytes).some((flags) => (flags & 1) === 1);
  } catch {
    encrypted = false;
  }
  if (encrypted) {
    throw new DocumentImportError([{ file, message: 'the zip archive is encrypted (password-protected): save the document without a password and import it again' }]);
  }
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    // First the sizes the archive declares (fflate unpacks each part into a buffer of its declared
    // size): a few kilobytes that claim gigabytes (a zip bomb, a damaged header) are refused before
    // anything is allocated — an upload route parses whatever it is sent.
    unzipSync(bytes, { filter: (entry) => ((unpacked += PARTS.test(entry.name) ? entry.originalSize : 0), false) });
    if (unpacked > MAX_UNPACKED_BYTES) {
      throw new DocumentImportError([{ file, message: `the archive's XML parts unpack to ${unpacked} bytes, more than any real document (at most ${MAX_UNPACKED_BYTES}): a damaged or hostile file` }]);
    }
    files = unzipSync(bytes, { filter: (entry) => PARTS.test(entry.name) });
  } catch (error) {
    if (error instanceof DocumentImportError) throw error;
    throw new DocumentImportError([{ file, message: `the file is a corrupt zip archive (${(error as Error).message}): not a readable .docx or .xlsx` }]);
  }
  const cache = new Map<string, string>();
  return {
    has: (name) => name in files,
    names: () => Object.keys(files),
    text: (name) => {
      if (!(name in files)) return undefined;
      if (!cache.has(name)) cache.set(name, strFromU8(files[name]));
      return cache.get(name);
    },
  };
}

function centralDirectoryFlags(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const flags: number[] = [];
  for (let i = 0; i < count && at + 46 <= bytes.length; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    flags.push(view.getUint16(at + 8, true));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return flags;
}
