import fs from 'node:fs';
import iconv from 'iconv-lite';
import { decodeDocument } from '../../src/import/readers/decode';
import { DocumentImportError } from '../../src/import/model/import-error';
import { REPORT_2021 } from '../support/seeds';

/** Encodings government files come in are read; anything else is refused with the reason. */
describe('decoding a text export', () => {
  const text = fs.readFileSync(REPORT_2021, 'utf8'); // holds • (U+2022), which GBK cannot encode
  const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);
  const refusal = (bytes: Buffer) => {
    try {
      decodeDocument(bytes, 'f.txt');
    } catch (error) {
      if (error instanceof DocumentImportError) return error.message;
      throw error;
    }
    throw new Error('decoded');
  };

  it.each([
    ['UTF-8', Buffer.from(text), 'utf-8'],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], Buffer.from(text)), 'utf-8'],
    ['GB18030 (beyond GBK: •)', iconv.encode(text, 'gb18030'), 'gb18030'],
    ['GBK', iconv.encode(text.replace(/•/g, '·'), 'gbk'), 'gbk'],
    ['UTF-16 LE with BOM', withBom([0xff, 0xfe], iconv.encode(text, 'utf-16le')), 'utf-16le'],
    ['UTF-16 BE with BOM', withBom([0xfe, 0xff], iconv.encode(text, 'utf-16be')), 'utf-16be'],
  ])('reads %s', (_what, bytes, encoding) => {
    const decoded = decodeDocument(bytes, 'f.txt');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(encoding === 'gbk' ? text.replace(/•/g, '·') : text);
  });

  it.each([
    ['UTF-16 without a BOM', iconv.encode(text, 'utf-16le'), 'f.txt: the file contains NUL bytes: a binary file, or UTF-16 without a byte-order mark (save as UTF-8, GB18030 or UTF-16 with BOM)'],
    ['UTF-32', withBom([0xff, 0xfe, 0, 0], iconv.encode(text, 'utf-32le')), 'f.txt: the file is UTF-32 (byte-order mark 00 00 FE FF / FF FE 00 00); save it as UTF-8, GB18030 or UTF-16'],
    ['UTF-16 cut to an odd length', withBom([0xff, 0xfe], iconv.encode('关于', 'utf-16le')).subarray(0, 5), 'f.txt: the file says UTF-16 (byte-order mark) but has an odd number of bytes (5): it is cut or not UTF-16'],
    ['UTF-8 cut inside a character', Buffer.from('关于\n印发').subarray(0, 9), 'f.txt:2: the UTF-8 text ends in the middle of a character (offset 7): the file is cut short'],
  ])('refuses %s, saying why', (_what, bytes, message) => {
    expect(refusal(bytes)).toBe(message);
  });

  it('refuses Big5, naming what it looks like', () => {
    expect(refusal(iconv.encode(text, 'big5'))).toMatch(/^f\.txt:\d+: the text is neither UTF-8, GBK\/GB18030 nor UTF-16 with a byte-order mark: it looks like Big5 \(detector confidence \d+%\); first byte that is not UTF-8: 0x[0-9a-f]+ at offset \d+$/);
  });
});
