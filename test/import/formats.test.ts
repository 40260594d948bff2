import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { toDryRunJson } from '../../src/cli/dry-run-json';
import { parseDocument } from '../../src/import/parse-document';
import type { ParsedDocument } from '../../src/import/model/parsed-document';
import { UnitRegistry } from '../../src/import/registry/unit-registry';
import { PLAN_2024, registry, REPORT_2021 } from '../support/seeds';
import { itWhen } from '../support/skip';

const FORMATS = path.join(__dirname, '..', 'fixtures', 'formats');
const fixture = (name: string) => path.join(FORMATS, name);
const parse = (file: string, as = file) => parseDocument(fs.readFileSync(file), as, registry);
// The converter the importer itself would run (DUBAN_SOFFICE, else soffice on PATH).
const sofficeInstalled = spawnSync(process.env.DUBAN_SOFFICE ?? 'soffice', ['--version'], { stdio: 'ignore' }).error === undefined;
const withSoffice = itWhen(sofficeInstalled, 'LibreOffice (soffice) is not installed; apt-get install libreoffice-writer-nogui libreoffice-calc-nogui to run it');

/** What the issue asks to be identical, item by item: the items of the documented dry-run shape, with their section. */
function items(doc: ParsedDocument) {
  return toDryRunJson(doc).sections.flatMap((s) => s.items.map((i) => ({ section: s.section, ...i })));
}

/**
 * The same documents as offices publish them (made by scripts/make-format-fixtures.ts
 * with LibreOffice) read exactly as the text export does.
 */
describe('every format of the 2024 plan parses as the text export does', () => {
  const expected = items(parse(PLAN_2024));

  it.each([
    ['Word .docx (vertically merged category cells, a paragraph per line)', 'plan-2024.docx', 'docx'],
    ['a UTF-8 web page (rowspan categories, <p> per line, nav and footer around)', 'plan-2024.html', 'html'],
    ['a GB2312-declared web page encoded GBK', 'plan-2024-gbk.html', 'html'],
    ['the prose layout (一、 sections, （一） categories, numbered items, responsibility lines)', 'plan-2024-prose.txt', 'prose'],
  ])('%s', (_what, name, format) => {
    const doc = parse(fixture(name));
    expect(doc.format).toBe(format);
    expect(doc.sections.map((s) => [s.section, s.items.length])).toEqual([
      ['TARGET', 8],
      ['KEY_TASK', 136],
    ]);
    expect(items(doc)).toEqual(expected);
  });

  it('legacy Word 97 .doc, read from its text stream', () => {
    const doc = parse(fixture('plan-2024.doc'));
    expect(doc.format).toBe('doc');
    expect(items(doc)).toEqual(expected);
  });

  it('chooses the reader by content, not by the name: a .docx named .txt is read as Word', () => {
    const doc = parse(fixture('plan-2024.docx'), 'plan-2024.txt');
    expect(doc.format).toBe('docx');
    expect(items(doc)).toEqual(expected);
  });

  it('says a GBK page was decoded as GBK', () => {
    expect(parse(fixture('plan-2024-gbk.html')).warnings).toContainEqual({ line: 1, message: 'the page is gbk-encoded; decoded as gbk' });
  });
});

describe('the 2021 report as a ledger spreadsheet (.xlsx)', () => {
  const doc = parse(fixture('report-2021.xlsx'));

  it('takes year, period and kind from the ledger title row', () => {
    expect(doc.format).toBe('xlsx');
    expect(doc.document).toMatchObject({ kind: 'PROGRESS_REPORT', year: 2021, period: '2021-Q1', jurisdiction: '重庆市沙坪坝区', title: '重庆市沙坪坝区2021年区政府工作报告重点任务一季度推进情况台账' });
  });

  it('reads the same 10 + 10 + 137 items with their progress as the text export', () => {
    expect(doc.sections.map((s) => [s.section, s.items.length])).toEqual([
      ['TARGET', 10],
      ['LIVELIHOOD', 10],
      ['KEY_TASK', 137],
    ]);
    expect(items(doc)).toEqual(items(parse(REPORT_2021)));
  });

  withSoffice('reads the same from the legacy Excel 97 .xls, converted through LibreOffice', () => {
    const xls = parse(fixture('report-2021.xls'));
    expect(xls.format).toBe('doc');
    expect(items(xls)).toEqual(items(doc));
  });
});

describe('legacy binary files without LibreOffice', () => {
  const withoutSoffice = <T>(run: () => T): T => {
    const previous = process.env.DUBAN_SOFFICE;
    process.env.DUBAN_SOFFICE = '/nonexistent/soffice';
    try {
      return run();
    } finally {
      if (previous === undefined) delete process.env.DUBAN_SOFFICE;
      else process.env.DUBAN_SOFFICE = previous;
    }
  };

  it('reads a Word 97 .doc in JavaScript (word-extractor), item by item as the text export', () => {
    const doc = withoutSoffice(() => parse(fixture('plan-2024.doc')));
    expect(doc.format).toBe('doc');
    expect(doc.sections.map((s) => [s.section, s.items.length])).toEqual([
      ['TARGET', 8],
      ['KEY_TASK', 136],
    ]);
    expect(items(doc)).toEqual(items(parse(PLAN_2024)));
    expect(doc.warnings[0].message).toBe('a legacy binary Word file; read from its text stream (word-extractor): merged header cells are inferred from the header words');
  });

  it('names the place of a problem: key task 14’s 序号 typed as 15 in the binary', () => {
    const bytes = fs.readFileSync(fixture('plan-2024.doc'));
    const damaged = Buffer.from(bytes);
    const at = damaged.indexOf(Buffer.from('14\u0007', 'latin1')) >= 0 ? damaged.indexOf(Buffer.from('14\u0007', 'latin1')) : damaged.indexOf(Buffer.from('1\u00004\u0000\u0007\u0000', 'latin1'));
    expect(at).toBeGreaterThan(0);
    damaged[at + (damaged[at + 1] === 0 ? 2 : 1)] = '5'.charCodeAt(0);
    expect(() => withoutSoffice(() => parseDocument(damaged, 'plan-2024.doc', registry))).toThrow(/^plan-2024\.doc:\d+ \(row 15, column 序号\): 序号 15 where 14 was expected \(a gap: 14 is missing\)/);
  });

  it('refuses an Excel 97 .xls with how to convert it', () => {
    expect(() => withoutSoffice(() => parse(fixture('report-2021.xls')))).toThrow(
      /report-2021\.xls: a legacy Excel \.xls file, and LibreOffice \(soffice\) is not installed to convert it: install LibreOffice, or save it as \.xlsx/,
    );
  });
});

describe('a plan of another district in the prose layout (渝中区)', () => {
  const doc = parseDocument(fs.readFileSync(fixture('yuzhong-plan-prose.txt')), 'yuzhong-plan-prose.txt', (jurisdiction) =>
    jurisdiction === registry.jurisdiction ? registry : new UnitRegistry({ jurisdiction, units: [] }),
  );
  const key = doc.sections.find((s) => s.section === 'KEY_TASK')!;

  it('belongs to its own jurisdiction, from the issuer', () => {
    expect(doc.document).toMatchObject({ jurisdiction: '重庆市渝中区', issuer: '重庆市渝中区人民政府办公室', kind: 'PLAN', year: 2024 });
  });

  it('reads inline responsibilities split by ；, ASCII colons, and drops a closing 等', () => {
    const [gdp, retail] = doc.sections[0].items;
    expect([gdp.content, gdp.leadUnits.map((u) => u.name), gdp.coUnits.map((u) => u.name)]).toEqual(['地区生产总值增长6%。', ['区发展改革委'], ['各产业主管部门']]);
    expect([retail.leadUnits.map((u) => u.name), retail.coUnits.map((u) => u.name)]).toEqual([['区商务委'], ['区统计局']]);
    expect(key.items[0].coUnits.map((u) => u.name)).toEqual(['区文旅委', '区规划自然资源局', '解放碑街道', '朝天门街道']);
  });

  it('reads categories, 1. and 1、 items, 协同单位, and 责任单位 alone as lead units', () => {
    expect(key.items.map((i) => [i.number, i.category, i.leaders])).toEqual([
      [1, '推动成渝地区双城经济圈建设', ['张明']],
      [2, '推动成渝地区双城经济圈建设', ['王强', '李红']],
      [3, '提升城市品质', ['李红']],
      [4, '提升城市品质', ['张明']],
    ]);
    expect(key.items[2].leadUnits.map((u) => u.name)).toEqual(['区住房城乡建委', '有关街道']);
    expect(key.items[2].coUnits).toEqual([]);
    expect(doc.warnings.map((w) => w.message)).toContain('numbering restarts under “提升城市品质”: item 1 read as 3');
  });

  it('flags every name with a kind inferred from its form, the rule in the report', () => {
    const units = new Map(doc.sections.flatMap((s) => s.items.flatMap((i) => [...i.leadUnits, ...i.coUnits])).map((u) => [u.name, u]));
    expect([...units.values()].every((u) => !u.known)).toBe(true);
    expect(Object.fromEntries([...units].map(([name, u]) => [name, u.kind]))).toMatchObject({
      区文旅委: 'DISTRICT_DEPARTMENT',
      解放碑街道: 'TOWNSHIP_STREET',
      化龙桥片区管委会: 'ZONE_COMMITTEE',
      渝中城投集团: 'STATE_OWNED_ENTERPRISE',
      有关街道: 'COLLECTIVE',
      各产业主管部门: 'COLLECTIVE',
    });
    expect(doc.warnings.map((w) => w.message)).toContain(
      'row 2, 牵头单位: unit “化龙桥片区管委会” is not in the registry; imported as written and flagged for review (kind ZONE_COMMITTEE: …管委会 → zone committee)',
    );
  });
});

describe('bad inputs of the binary formats are named in their own terms', () => {
  it.each([
    ['a download cut short', 'truncated.docx', 'truncated.docx: the file is a corrupt zip archive (invalid zip data): not a readable .docx or .xlsx'],
    ['a password-protected zip', 'encrypted.docx', 'encrypted.docx: the zip archive is encrypted (password-protected): save the document without a password and import it again'],
    ['a Word notice without its task table', 'no-task-table.docx', 'no-task-table.docx: unknown layout: no task table: expected a table whose first row starts with 序号 (found 1 other table)'],
    ['a web page without a task table', 'no-task-table.html', 'no-task-table.html: unknown layout: no task table: expected a <table> whose first row starts with 序号 (found 1 other table)'],
    ['an empty spreadsheet', 'empty.xlsx', 'empty.xlsx: the spreadsheet is empty: no sheet has a filled cell'],
    ['a Word row whose 序号 is words', 'bad-number.docx', 'bad-number.docx (table 2, row 15, column 序号): “十四” is not a row number'],
    ['a sheet row whose 序号 is words', 'bad-number.xlsx', 'bad-number.xlsx (sheet 1 cell A41, column 序号): “十四” is not a row number'],
  ])('%s', (_what, name, message) => {
    const file = fixture(path.join('bad', name));
    expect(() => parse(file)).toThrow(`${path.dirname(file)}/${message}`);
  });
});
