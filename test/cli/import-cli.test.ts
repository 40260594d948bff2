import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, tableCounts, type TestDatabase } from '../support/test-database';
import { PLAN_2024, REPORT_2021 } from '../support/seeds';
import { USAGE } from '../../src/cli/import-args';
import { CHECK_NAMES } from '../../src/import/model/check-names';

const ROOT = path.join(__dirname, '..', '..');

/** Runs `npm run import -- …` as a user would (the same ts-node entry point), against a given database. */
async function runImport(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['-r', 'ts-node/register', path.join(ROOT, 'src/cli/import.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 20 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run import', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('prints the parsed document in the documented JSON shape with --dry-run --json', async () => {
    const { code, stdout } = await runImport(['--dry-run', '--json', REPORT_2021]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['document', 'sections', 'warnings']);
    expect(json.document).toEqual({
      title: '关于2021年区政府工作报告重点任务一季度推进情况的报告',
      number: '第15期',
      issuer: '重庆市沙坪坝区人民政府督查办',
      date: '2021-04-08',
      kind: 'PROGRESS_REPORT',
      year: 2021,
      period: '2021-Q1',
      format: 'text',
      jurisdiction: '重庆市沙坪坝区',
      jurisdictionRule: 'ISSUER',
      jurisdictionReason: "named by the document's issuer",
    });
    expect(json.sections.map((s: { section: string; items: unknown[] }) => [s.section, s.items.length])).toEqual([
      ['TARGET', 10],
      ['LIVELIHOOD', 10],
      ['KEY_TASK', 137],
    ]);
    expect(json.sections[2].items[4]).toEqual({
      number: 5,
      category: '推动科学城建设',
      title: null,
      content: expect.stringMatching(/^加强与高新区协调联动/),
      leaders: [],
      leadUnits: ['区科技局'],
      coUnits: ['科学城建设领导小组成员单位'],
      progress: expect.stringMatching(/^制定实施《加快建设西部（重庆）科学城沙坪坝区片区工作方案/),
      // What the import will store (issue 21); test/cli/dry-run-signals.test.ts holds every item to the API's answer.
      due: { date: '2021-12-31', source: 'PLAN_YEAR_END', words: [] },
      progressSignals: {
        status: 'IN_PROGRESS',
        statusReason: 'reports work done or under way (matched “制定”)',
        percent: null,
        percentReason: null,
        items: [{ number: null, text: expect.stringMatching(/^制定实施《加快建设西部（重庆）科学城沙坪坝区片区工作方案》.*完成专题调研。$/) }],
      },
    });
    expect(json.warnings[0]).toEqual({ line: 215, message: 'row 5, 配合单位: joined wrapped name 科学城建设 + 领导小组成员单位 → 科学城建设领导小组成员单位' });
    expect(await tableCounts(db.dataSource)).toMatchObject({ document: 0 });
  });

  it('imports into DATABASE_URL, then reports the same files as unchanged', async () => {
    const first = await runImport([PLAN_2024, REPORT_2021], { DATABASE_URL: db.url });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('imported PLAN 2024 as document');
    expect(first.stdout).toContain('tasks created 157, updated 0; assignments 533; progress updates 157');
    const again = await runImport([PLAN_2024], { DATABASE_URL: db.url });
    expect(again.stdout).toMatch(/000_fde355393f881739\.txt: already imported as document \d+; nothing changed/);
  });

  it.each([
    [['no-such.txt'], 1, 'Import refused; the database is unchanged.\nno-such.txt: no such file\n'],
    [
      ['test/fixtures/invalid-row-length.txt'],
      1,
      'Import refused; the database is unchanged.\ntest/fixtures/invalid-row-length.txt:55 (row 3): the row has 5 cells, expected 6 (序号, 工作任务, 工作任务, 责任领导, 牵头单位, 协同单位)\n',
    ],
    [[], 2, `no file given\n${USAGE}\n`],
    [['--frobnicate', PLAN_2024], 2, `unknown option --frobnicate\n${USAGE}\n`],
    [['--allow', 'everything', PLAN_2024], 2, `--allow: unknown check “everything” (one of ${CHECK_NAMES.join(', ')})\n${USAGE}\n`],
  ])('exits non-zero with a clear message for %j, writing nothing', async (args, code, stderr) => {
    const before = await tableCounts(db.dataSource);
    const result = await runImport(args, { DATABASE_URL: db.url });
    expect([result.code, result.stderr]).toEqual([code, stderr]);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });
});
