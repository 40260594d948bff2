import fs from 'node:fs';
import { DocumentImportError } from '../../src/import/model/import-error';
import { parseDocument } from '../../src/import/parse-document';
import { PLAN_2024, registry, REPORT_2021 } from '../support/seeds';

/**
 * What a document promises, checked: each damage the issue found is refused
 * with file, line, row, column and the offending text — and the seeds pass.
 */
const plan = fs.readFileSync(PLAN_2024, 'utf8').split('\n');
const report = fs.readFileSync(REPORT_2021, 'utf8').split('\n');
const problemsOf = (lines: string[], allow: string[] = []) => {
  try {
    parseDocument(Buffer.from(lines.join('\n')), 'damaged.txt', registry, { allow: allow as never });
    return [];
  } catch (error) {
    if (!(error instanceof DocumentImportError)) throw error;
    return error.message.split('\n');
  }
};
const edit = (lines: string[], at: number, deleteCount: number, ...insert: string[]) => {
  const out = lines.slice();
  out.splice(at - 1, deleteCount, ...insert);
  return out;
};

describe('checks of what the document promises', () => {
  it('refuses a row deleted from the middle of a table: a gap in 序号', () => {
    // 2024 key task 13 is lines 179–186 (its 序号 cell, its cells, its trailing blank line).
    expect(problemsOf(edit(plan, 179, 8))).toEqual([
      'damaged.txt:179 (row 14, column 序号): 序号 14 where 13 was expected (a gap: 13 is missing) [check numbering; if the document really is so, import with --allow numbering]',
    ]);
  });

  it('refuses the 2021 report with 136 rows where its title says 137项, and lets it through with --allow stated-count', () => {
    // Row 137 lost its 序号 cell: it starts with " \t". Cut it off.
    const last = report.reduce((found, line, i) => (/^ \t/.test(line) ? i : found), -1);
    const damaged = report.slice(0, last);
    expect(problemsOf(damaged)).toEqual(
      expect.arrayContaining([
        'damaged.txt:156: the document says 137 items (“137项重点工作任务进展情况表”), the table has 136 rows [check stated-count; if the document really is so, import with --allow stated-count]',
        'damaged.txt:21: the document says 137 items (“三、137项重点工作任务进展情况”), its KEY_TASK table has 136 rows [check stated-count; if the document really is so, import with --allow stated-count]',
      ]),
    );
    const doc = parseDocument(Buffer.from(damaged.join('\n')), 'damaged.txt', registry, { allow: ['stated-count'] });
    expect(doc.allowedChecks).toEqual(['stated-count']);
    expect(doc.sections[2].items).toHaveLength(136);
  });

  it('refuses cells of a row shuffled: task text as a leader, a leader as units', () => {
    // 2024 row 13: swap the 工作任务 text cell with the 责任领导 cell ("户  邑").
    const row = plan.indexOf('\t13') + 1;
    const lines = plan.slice();
    [lines[row + 1], lines[row + 2]] = [lines[row + 2], lines[row + 1]];
    const problems = problemsOf(lines);
    expect(problems.some((p) => /^damaged\.txt:\d+ \(row 13, column 责任领导\): “.{10,}” is not a person's name/.test(p))).toBe(true);
  });

  it('refuses a leader cell holding a unit and a unit cell holding single characters of a name', () => {
    const row = plan.indexOf('\t5') + 1; // target 5: 陈  英 / 区财政局
    const lines = plan.slice();
    [lines[row + 1], lines[row + 2]] = [lines[row + 2], lines[row + 1]];
    expect(problemsOf(lines)).toEqual(
      expect.arrayContaining([
        `damaged.txt:${row + 2} (row 5, column 责任区领导): “区财政局” is not a person's name (2–4 Han characters, and it is a unit) [check leader-names; if the document really is so, import with --allow leader-names]`,
        `damaged.txt:${row + 3} (row 5, column 责任单位): “陈” is not a unit name [check unit-names; if the document really is so, import with --allow unit-names]`,
        `damaged.txt:${row + 3} (row 5, column 责任单位): “英” is not a unit name [check unit-names; if the document really is so, import with --allow unit-names]`,
      ]),
    );
  });

  it('refuses a row whose tabs were lost (merged into the row above as a unit “13”)', () => {
    const lines = plan.slice();
    for (let i = plan.indexOf('\t13'); i < plan.indexOf('\t14') - 1; i++) lines[i] = lines[i].replace(/^\t/, '');
    const problems = problemsOf(lines);
    expect(problems).toContain('damaged.txt:177 (row 12, column 协同单位): “13” is not a unit name [check unit-names; if the document really is so, import with --allow unit-names]');
    expect(problems).toContain(
      'damaged.txt:179 (row 12, column 协同单位): the line “13” inside the 协同单位 cell holds only a number: a row whose cell tabs were lost? [check lost-tabs; if the document really is so, import with --allow lost-tabs]',
    );
  });

  it('refuses a targets table without its header row instead of reading 0 targets', () => {
    const header = plan.indexOf('\t序号') + 1;
    expect(problemsOf(edit(plan, header, 5))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^damaged\.txt:\d+: a table cell \(“1”\) before the first 序号 header row: a table's header row is missing \[check missing-table/),
        expect.stringMatching(/^damaged\.txt:10: the document announces a TARGET table \(“附件：1\. 2024年区政府工作报告经济社会发展预期目标任务分解表”\) but has no such table/),
      ]),
    );
  });

  it.each([
    ['2月30日', '2024年2月30日', 'impossible date 2024年2月30日: 2024年2月 has 29 days'],
    ['13月', '2024年13月2日', 'impossible date 2024年13月2日: there is no month 13'],
    ['year 0000', '0000年2月2日', 'impossible date 0000年2月2日: the year is outside 1949..2100'],
  ])('refuses an impossible date (%s) with its line', (_what, date, message) => {
    const line = plan.findIndex((l) => l.includes('2024年2月2日')) + 1;
    expect(problemsOf(edit(plan, line, 1, plan[line - 1].replace('2024年2月2日', date)))).toContain(`damaged.txt:${line} (column 日期): ${message}`);
  });

  it('accepts both seeds without a single finding', () => {
    expect(problemsOf(plan)).toEqual([]);
    expect(problemsOf(report)).toEqual([]);
  });
});
