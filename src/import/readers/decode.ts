import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { DocumentImportError } from '../model/import-error';
import type { TextEncoding } from '../model/document-model';

const DETECTION_SAMPLE = 32 * 1024;

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Bytes of a text export → string with '\n' line ends. Government downloads
 * come as UTF-8 (with or without BOM), GBK or GB18030 (what many Chinese tools
 * save), or UTF-16 with a BOM (Word's "Unicode text"). The BOM decides when
 * there is one; otherwise valid UTF-8 is UTF-8, and anything else must be
 * what a detector (chardet) recognises as GB18030 and decode without a single
 * invalid sequence. Everything else is refused with the reason.
 */
export function decodeDocument(bytes: Uint8Array, file: string): DecodedText {
  const refuse = (message: string, line?: number): never => {
    throw new DocumentImportError([{ file, line, message }]);
  };
  if (isBlank(bytes)) refuse('the file is empty');

  const bom = byteOrderMark(bytes);
  if (bom === 'utf-32') refuse('the file is UTF-32 (byte-order mark 00 00 FE FF / FF FE 00 00); save it as UTF-8, GB18030 or UTF-16');
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    if ((bytes.length - 2) % 2 !== 0) refuse(`the file says UTF-16 (byte-order mark) but has an odd number of bytes (${bytes.length}): it is cut or not UTF-16`);
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bom, { stripBOM: true });
    const bad = text.indexOf('\uFFFD');
    if (bad >= 0) refuse(`the file says UTF-16 (byte-order mark) but holds an invalid UTF-16 sequence`, lineAt(text, bad));
    return { text: normaliseNewlines(text), encoding: bom };
  }
  if (bom === 'gb18030') return decodeGb(bytes.subarray(4), refuse, 'gb18030');

  if (bytes.includes(0)) {
    refuse('the file contains NUL bytes: a binary file, or UTF-16 without a byte-order mark (save as UTF-8, GB18030 or UTF-16 with BOM)');
  }
  try {
    return { text: normaliseNewlines(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    // not UTF-8: a GB encoding or something we refuse
  }
  const offset = firstInvalidUtf8Offset(bytes);
  if (offset >= bytes.length - 3 && new TextDecoder('utf-8').decode(bytes.subarray(0, offset)).length > 0 && isUtf8Prefix(bytes.subarray(offset))) {
    refuse(`the UTF-8 text ends in the middle of a character (offset ${offset}): the file is cut short`, lineOfOffset(bytes, offset));
  }
  // The detector is slow (seconds for megabytes) and needs far less than a whole document to decide.
  const guesses = analyse(bytes.subarray(0, DETECTION_SAMPLE));
  const top = guesses[0];
  if (!top || !/^(GB18030|GBK|GB2312)$/i.test(top.name)) {
    const looks = top ? `it looks like ${top.name} (detector confidence ${top.confidence}%)` : 'no encoding was recognised';
    refuse(
      `the text is neither UTF-8, GBK/GB18030 nor UTF-16 with a byte-order mark: ${looks}; first byte that is not UTF-8: 0x${bytes[offset].toString(16)} at offset ${offset}`,
      lineOfOffset(bytes, offset),
    );
  }
  return decodeGb(bytes, refuse, 'gbk');
}

function decodeGb(bytes: Uint8Array, refuse: (message: string, line?: number) => never, first: 'gbk' | 'gb18030'): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // GBK is a subset of GB18030: report GBK when the narrower one reads every byte.
  if (first === 'gbk') {
    const gbk = iconv.decode(buffer, 'gbk');
    if (!gbk.includes('\uFFFD')) return { text: normaliseNewlines(gbk), encoding: 'gbk' };
  }
  const text = iconv.decode(buffer, 'gb18030');
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) refuse('the text looks like GB18030 but holds a byte sequence that is not valid GB18030 (a cut or mixed-encoding file?)', lineAt(text, bad));
  return { text: normaliseNewlines(text), encoding: 'gb18030' };
}

type Bom = 'utf-16le' | 'utf-16be' | 'utf-32' | 'gb18030' | null;

function byteOrderMark(b: Uint8Array): Bom {
  if (b.length >= 4 && ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))) return 'utf-32';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b.length >= 4 && b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return 'gb18030';
  return null;
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}

/** CR, CRLF and LF (mixed too) all end a line; a BOM is not text. */
function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** A lead byte followed by fewer continuation bytes than it needs, and nothing else: a character cut at the end. */
function isUtf8Prefix(tail: Uint8Array): boolean {
  if (tail.length === 0) return false;
  const b = tail[0];
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  return need > 0 && tail.length <= need && tail.subarray(1).every((c) => (c & 0xc0) === 0x80);
}

/** Offset of the first byte that breaks UTF-8, found in one linear pass. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}
