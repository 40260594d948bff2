import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, tableCounts, type TestDatabase } from '../support/test-database';

const ROOT = path.join(__dirname, '..', '..');
const FORMATS = 'test/fixtures/formats';

async function runImport(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register', path.join(ROOT, 'src/cli/import.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** `npm run import` takes every format; bad binaries are refused with exit 1 and nothing written. */
describe('npm run import with the published formats', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it.each([
    ['plan-2024.docx', 'docx'],
    ['plan-2024-gbk.html', 'html'],
    ['plan-2024-prose.txt', 'prose'],
    ['report-2021.xlsx', 'xlsx'],
  ])('--dry-run --json reads %s and says document.format %s', async (name, format) => {
    const { code, stdout } = await runImport(['--dry-run', '--json', `${FORMATS}/${name}`]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['document', 'sections', 'warnings']);
    expect(json.document.format).toBe(format);
  });

  it('imports the plan from Word and the report from the ledger spreadsheet', async () => {
    const result = await runImport([`${FORMATS}/plan-2024.docx`, `${FORMATS}/report-2021.xlsx`], { DATABASE_URL: db.url });
    expect(result.code).toBe(0);
    expect(await tableCounts(db.dataSource)).toMatchObject({ document: 2 });
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM task`);
    // Different years: the 2024 plan's 8 + 136 tasks, and the 2021 report's 10 + 10 + 137 (it creates its year's tasks).
    expect(count).toBe(8 + 136 + 10 + 10 + 137);
  });

  it('imports a 渝中区 plan under 渝中区 and shows the rule that gave each new name its kind', async () => {
    const result = await runImport([`${FORMATS}/yuzhong-plan-prose.txt`], { DATABASE_URL: db.url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('化龙桥片区管委会（ZONE_COMMITTEE by …管委会 → zone committee）');
    expect(result.stdout).toContain('解放碑街道（TOWNSHIP_STREET by …街道/…镇 → township/street）');
    const rows = await db.dataSource.query(`SELECT DISTINCT j.name FROM unit u JOIN jurisdiction j ON j.id = u.jurisdiction_id WHERE u.name = '化龙桥片区管委会'`);
    expect(rows).toEqual([{ name: '重庆市渝中区' }]);
  });

  it.each([
    ['truncated.docx', 'the file is a corrupt zip archive'],
    ['encrypted.docx', 'the zip archive is encrypted (password-protected)'],
    ['no-task-table.docx', 'unknown layout: no task table'],
    ['no-task-table.html', 'unknown layout: no task table'],
    ['empty.xlsx', 'the spreadsheet is empty'],
    ['bad-number.docx', '(table 2, row 15, column 序号): “十四” is not a row number'],
  ])('refuses bad/%s with exit code 1, a clear message and the database unchanged', async (name, message) => {
    const before = await tableCounts(db.dataSource);
    const result = await runImport([`${FORMATS}/bad/${name}`], { DATABASE_URL: db.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${FORMATS}/bad/${name}`);
    expect(result.stderr).toContain(message);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });
});
