import { DocumentImportError } from './import-error';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gbk';
}

/**
 * Bytes of a text export → string. Government downloads are often GBK; a
 * file that is valid UTF-8 is read as UTF-8, otherwise we try GBK (GB18030
 * superset) and refuse anything that is neither, naming the first bad byte.
 */
export function decodeDocument(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    throw new DocumentImportError([{ file, message: 'the file is empty' }]);
  }
  if (bytes.includes(0)) {
    throw new DocumentImportError([
      { file, message: 'the file contains NUL bytes: not a text export (save the Word document as plain text)' },
    ]);
  }
  try {
    return { text: normaliseNewlines(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to GBK
  }
  try {
    return { text: normaliseNewlines(new TextDecoder('gbk', { fatal: true }).decode(bytes)), encoding: 'gbk' };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
    throw new DocumentImportError([
      { file, line, message: `the text is neither UTF-8 nor GBK (invalid byte 0x${bytes[offset].toString(16)} at offset ${offset})` },
    ]);
  }
}

function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest prefix that fails to decode; `stream` forgives a cut multi-byte tail.
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return Math.min(low, bytes.length - 1);
}
