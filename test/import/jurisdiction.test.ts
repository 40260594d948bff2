import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { DocumentImportError } from '../../src/import/model/import-error';
import { parseDocument } from '../../src/import/parse-document';
import { UnitRegistries } from '../../src/import/registry/unit-registries';
import { UnitRegistry } from '../../src/import/registry/unit-registry';
import type { ParseOptions } from '../../src/import/validation/checks';
import { importFiles } from '../../src/import/writer/import-files';
import { seedIfEmpty } from '../../src/import/writer/seed';
import { formatImportReport } from '../../src/cli/import-report';
import { toDryRunJson } from '../../src/cli/dry-run-json';
import { parseImportArgs } from '../../src/cli/import-args';
import { REPORT_2021, SEEDS_DIR, registry } from '../support/seeds';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 20 item 1: a ledger mailed round between offices names no district
 * (title row 2021年区政府工作报告重点任务一季度推进情况台账, no issuer). Its
 * jurisdiction is inferred from its unit names or from the one plan of its
 * year, or stated (--jurisdiction); the rule that decided is reported; only a
 * truly ambiguous document is refused, with its candidates.
 */
const LEDGER = path.join(__dirname, '..', 'fixtures', 'formats', 'report-2021.xlsx');

/** The 2021 ledger with 重庆市沙坪坝区 cut from its title row (a rich-text run of the shared strings). */
function ledgerWithoutDistrict(quarter = '一季度'): Buffer {
  const files = unzipSync(fs.readFileSync(LEDGER));
  const strings = strFromU8(files['xl/sharedStrings.xml']);
  const cut = strings
    .replace('<t xml:space="preserve">重庆市沙坪坝区</t>', '<t xml:space="preserve"></t>')
    .replace('年区政府工作报告重点任务一季度推进情况台账', `年区政府工作报告重点任务${quarter}推进情况台账`);
  expect(cut).not.toBe(strings);
  files['xl/sharedStrings.xml'] = strToU8(cut);
  return Buffer.from(zipSync(files));
}

const bytes = ledgerWithoutDistrict();
const shapingba = registry;
/** Another district's registry holding every name of 沙坪坝区's: the unit names then fit both. */
const twin = new UnitRegistry({ jurisdiction: '重庆市江北区', units: shapingba.entries.map((e) => ({ ...e })) });
const yuzhong = new UnitRegistry({ jurisdiction: '重庆市渝中区', units: [{ name: '区文化旅游委', kind: 'DISTRICT_DEPARTMENT' as never, aliases: ['区文旅委'] }] });

const parse = (registries: UnitRegistry[], options: ParseOptions = {}) => parseDocument(bytes, 'ledger.xlsx', new UnitRegistries(registries), options);
const refusal = (registries: UnitRegistry[], options: ParseOptions = {}) => {
  try {
    parse(registries, options);
  } catch (error) {
    if (error instanceof DocumentImportError) return error.message;
    throw error;
  }
  throw new Error('not refused');
};

describe('a document that does not name its jurisdiction', () => {
  it('is the title the issue quotes: no district, no issuer', () => {
    const doc = parse([shapingba], { jurisdiction: '重庆市沙坪坝区' });
    expect([doc.document.title, doc.document.issuer]).toEqual(['2021年区政府工作报告重点任务一季度推进情况台账', null]);
  });

  it('belongs to the one registry that knows every unit name, and says so', () => {
    const doc = parse([shapingba, yuzhong]);
    expect(doc.document).toMatchObject({
      jurisdiction: '重庆市沙坪坝区',
      jurisdictionRule: 'UNITS',
      jurisdictionReason: expect.stringMatching(/^all \d+ unit names are in the registry of 重庆市沙坪坝区 and no other registry knows them all$/),
    });
    expect(doc.warnings[0].message).toMatch(/^the document names no jurisdiction: read as 重庆市沙坪坝区's because all \d+ unit names/);
    expect(toDryRunJson(doc).document).toMatchObject({ jurisdiction: '重庆市沙坪坝区', jurisdictionRule: 'UNITS' });
    // Resolved against that registry: names are known, not flagged.
    expect(doc.sections.flatMap((s) => s.items.flatMap((i) => i.leadUnits)).every((u) => u.known)).toBe(true);
  });

  it('belongs to the one plan of its year when the unit names do not decide', () => {
    const doc = parse([shapingba, twin], { plans: [{ jurisdiction: '重庆市沙坪坝区', year: 2021 }, { jurisdiction: '重庆市江北区', year: 2024 }] });
    expect(doc.document).toMatchObject({
      jurisdiction: '重庆市沙坪坝区',
      jurisdictionRule: 'PLAN',
      jurisdictionReason: "the only plan of 2021 in the database is 重庆市沙坪坝区's, and a report belongs to a plan of its year (the unit names fit the registries of 重庆市沙坪坝区, 重庆市江北区)",
    });
  });

  it('takes the jurisdiction stated for the import, a reviewed one by its short name too', () => {
    expect(parse([shapingba, twin], { jurisdiction: '江北区' }).document).toMatchObject({ jurisdiction: '重庆市江北区', jurisdictionRule: 'STATED', jurisdictionReason: 'stated for the import (--jurisdiction)' });
  });

  it('is refused when truly ambiguous, listing the candidates in a sentence that reads', () => {
    const n = parse([shapingba]).document.jurisdictionReason.match(/all (\d+)/)![1];
    expect(refusal([shapingba, twin])).toBe(
      `ledger.xlsx (sheet 1 cell A1): cannot tell the jurisdiction: it names no issuer, and its title names no district; it could belong to any of 重庆市沙坪坝区 (its registry knows ${n} of ${n} unit names), 重庆市江北区 (its registry knows ${n} of ${n} unit names). Say which with --jurisdiction <name>`,
    );
    expect(refusal([shapingba, twin], { plans: [{ jurisdiction: '重庆市沙坪坝区', year: 2021 }, { jurisdiction: '重庆市江北区', year: 2021 }] })).toContain(
      `it could belong to any of 重庆市沙坪坝区 (its registry knows ${n} of ${n} unit names; has a 2021 plan), 重庆市江北区 (its registry knows ${n} of ${n} unit names; has a 2021 plan)`,
    );
  });

  it('is refused when nothing points anywhere, saying what was tried', () => {
    expect(refusal([yuzhong])).toMatch(
      /: cannot tell the jurisdiction: it names no issuer, and its title names no district; no reviewed registry recognises all of its unit names \(重庆市渝中区 knows \d+ of \d+\) and the database has no plan of 2021\. Say which with --jurisdiction <name>$/,
    );
  });

  it('an issuer that names no district is said in words (the old sentence: “the issuer is missing does not name a …”)', () => {
    const text = fs.readFileSync(REPORT_2021, 'utf8').replace(/重庆市沙坪坝区人民政府督查办/g, '区政府督查办');
    try {
      parseDocument(Buffer.from(text), 'report.txt', new UnitRegistries([yuzhong]));
      throw new Error('not refused');
    } catch (error) {
      expect((error as Error).message).toMatch(/^report\.txt:9: cannot tell the jurisdiction: its issuer “区政府督查办” names no …区\/县\/市人民政府 and its title names no district; no reviewed registry/);
    }
  });

  it('a document that names its jurisdiction is refused when the import states another', () => {
    expect(() => parseDocument(fs.readFileSync(REPORT_2021), 'report.txt', shapingba, { jurisdiction: '重庆市渝中区' })).toThrow(
      'report.txt:9: the document names its jurisdiction 重庆市沙坪坝区 (in its issuer), but the import states 重庆市渝中区: import it without --jurisdiction, or with --jurisdiction 重庆市沙坪坝区',
    );
  });

  it('the CLI takes --jurisdiction', () => {
    expect(parseImportArgs(['--jurisdiction', '沙坪坝区', 'a.xlsx'])).toMatchObject({ jurisdiction: '沙坪坝区', files: ['a.xlsx'] });
    expect(parseImportArgs(['--jurisdiction=重庆市沙坪坝区', 'a.xlsx'])).toMatchObject({ jurisdiction: '重庆市沙坪坝区' });
    expect(parseImportArgs(['--jurisdiction'])).toEqual({ usage: '--jurisdiction needs a name (重庆市沙坪坝区)' });
  });
});

describe('importing it into a database that holds the seeds', () => {
  let db: TestDatabase;
  let file: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedIfEmpty(db.dataSource, SEEDS_DIR);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'duban-ledger-')), 'ledger.xlsx');
    // 上半年: the seeds hold the 2021 一季度 report already, and its plan row for 2021.
    fs.writeFileSync(file, ledgerWithoutDistrict('上半年'));
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('reads the plans the database holds: the 2021 one (the seed report’s) decides between twin registries, and the report says so', async () => {
    const [result] = await importFiles(db.dataSource, [file], new UnitRegistries([shapingba, twin]), { allow: ['numbering'] });
    expect(result).toMatchObject({ status: 'imported', period: '2021-Q2', jurisdiction: '重庆市沙坪坝区', jurisdictionRule: 'PLAN' });
    expect(formatImportReport([result])).toContain(
      "  jurisdiction 重庆市沙坪坝区 (PLAN: the only plan of 2021 in the database is 重庆市沙坪坝区's, and a report belongs to a plan of its year (the unit names fit the registries of 重庆市沙坪坝区, 重庆市江北区))\n",
    );
  });
});
