import path from 'node:path';
import { DocumentImportError } from '../../src/import/model/import-error';
import { importFiles, parseFiles } from '../../src/import/writer/import-files';
import { createTestDatabase, tableCounts, type TestDatabase } from '../support/test-database';
import { PLAN_2024, registry } from '../support/seeds';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

/**
 * Bad input gets an error naming file, line, row and column, and leaves the
 * database exactly as it was (here: holding the 2024 plan already).
 */
describe('bad input', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await importFiles(db.dataSource, [PLAN_2024], registry);
  });
  afterAll(() => db.drop());

  it.each([
    ['a missing file', 'no-such-file.txt', 'no-such-file.txt: no such file'],
    ['an empty file', 'empty.txt', 'empty.txt: the file is empty'],
    ['bytes that are neither UTF-8 nor GBK', 'neither-utf8-nor-gbk.txt', 'neither-utf8-nor-gbk.txt:2: the text is neither UTF-8, GBK/GB18030 nor UTF-16 with a byte-order mark: it looks like windows-1252 (detector confidence 42%); first byte that is not UTF-8: 0xff at offset 13'],
    ['a row with a missing cell', 'invalid-row-length.txt', 'invalid-row-length.txt:55 (row 3): the row has 5 cells, expected 6 (序号, 工作任务, 工作任务, 责任领导, 牵头单位, 协同单位)'],
    ['a document with no table', 'unknown-layout.txt', 'unknown-layout.txt: unknown layout: no table with a 序号 header row (a line “\\t序号”)'],
    ['an unknown column header', 'unknown-header.txt', 'unknown-header.txt:23: unknown layout: unknown column header “备注”'],
  ])('refuses %s with the place named, and writes nothing', async (_what, name, message) => {
    const before = await tableCounts(db.dataSource);
    const file = fixture(name);
    const error = await importFiles(db.dataSource, [file], registry).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentImportError);
    expect((error as Error).message).toBe(`${path.dirname(file)}/${message}`);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('collects every problem of a batch before refusing it, and writes none of the good files', async () => {
    const before = await tableCounts(db.dataSource);
    const error = (await importFiles(db.dataSource, [fixture('gbk-plan.txt'), fixture('empty.txt'), fixture('invalid-row-length.txt')], registry).catch((e) => e)) as DocumentImportError;
    expect(error.problems.map((p) => path.basename(p.file))).toEqual(['empty.txt', 'invalid-row-length.txt']);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });

  it('decodes a GBK file and says so', () => {
    const [doc] = parseFiles([fixture('gbk-plan.txt')], registry);
    expect(doc.encoding).toBe('gbk');
    expect(doc.document.number).toBe('沙府办发〔2024〕6号');
    expect(doc.sections[0].items.map((i) => i.leaders)).toEqual([['户邑'], ['陈英'], ['凌健']]);
    expect(doc.warnings[0]).toEqual({ line: 1, message: 'the file is GBK-encoded; decoded as GBK' });
  });

  it('refuses a second, different version of an imported plan', async () => {
    const before = await tableCounts(db.dataSource);
    const error = await importFiles(db.dataSource, [fixture('gbk-plan.txt')], registry).catch((e) => e);
    expect(String(error.message)).toMatch(/gbk-plan\.txt: a different version of this 2024 plan is already imported \(document \d+, .*000_fde355393f881739\.txt\); nothing was written/);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });
});
