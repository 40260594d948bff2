import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, tableCounts, type TestDatabase } from '../support/test-database';
import { PLAN_2024, REPORT_2021 } from '../support/seeds';

const ROOT = path.join(__dirname, '..', '..');
const CLI = `${JSON.stringify(process.execPath)} -r ts-node/register ${JSON.stringify(path.join(ROOT, 'src/cli/import.ts'))}`;

/** Runs the import CLI through a shell, so its stdout can be a real pipe (`| cat`). */
async function sh(command: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)('sh', ['-c', command], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ...env },
      maxBuffer: 50 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the import CLI can be trusted', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-cli-'));
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the whole --dry-run --json output into a pipe (far more than 64 KiB), exit code 0', async () => {
    const { code, stdout } = await sh(`${CLI} --dry-run --json ${PLAN_2024} ${REPORT_2021} | cat; exit $(( $? ))`);
    expect(code).toBe(0);
    expect(Buffer.byteLength(stdout)).toBeGreaterThan(64 * 1024);
    const json = JSON.parse(stdout);
    expect(json.map((d: { sections: unknown[] }) => d.sections.length)).toEqual([2, 3]);
  });

  it('refuses a stated count that does not match, and with --allow stated-count imports it and records the override', async () => {
    const damaged = path.join(dir, 'report-138.txt');
    fs.writeFileSync(damaged, fs.readFileSync(REPORT_2021, 'utf8').replace('3. 137项重点工作任务进展情况表', '3. 138项重点工作任务进展情况表').replace('\n137项重点工作任务进展情况表', '\n138项重点工作任务进展情况表'));
    const refused = await sh(`${CLI} ${damaged}`, { DATABASE_URL: db.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the table has 137 rows [check stated-count; if the document really is so, import with --allow stated-count]');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(await tableCounts(db.dataSource)).toMatchObject({ document: 0 });

    const allowed = await sh(`${CLI} --allow stated-count ${damaged}`, { DATABASE_URL: db.url });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('checks allowed for this document: stated-count');
    expect(allowed.stdout).toMatch(/warning .*report-138\.txt:\d+: the document says 138 items .* \(allowed by --allow stated-count\)/);
    const [doc] = await db.dataSource.query(`SELECT allowed_checks, warnings FROM document`);
    expect(doc.allowed_checks).toEqual(['stated-count']);
    expect(doc.warnings).toContainEqual({ line: 215, message: 'row 5, 配合单位: joined wrapped name 科学城建设 + 领导小组成员单位 → 科学城建设领导小组成员单位' });
  });

  it('prints every warning text of a real import, as the dry run does, and keeps them on the document', async () => {
    const { code, stdout } = await sh(`${CLI} ${PLAN_2024}`, { DATABASE_URL: db.url });
    expect(code).toBe(0);
    expect(stdout).toContain(`warning ${PLAN_2024}:184: row 13, 协同单位: joined wrapped name 中西部国际交往中心 + 领导小组成员单位 → 中西部国际交往中心领导小组成员单位`);
    const [doc] = await db.dataSource.query(`SELECT warnings, allowed_checks FROM document WHERE file_name = $1`, [PLAN_2024]);
    expect(doc).toEqual({ warnings: [{ line: 184, message: expect.stringContaining('joined wrapped name') }], allowed_checks: [] });
  });

  it('imports a file once when two CLI processes import it at once; the other says "already imported"', async () => {
    const copy = path.join(dir, 'plan-copy.txt');
    // A second plan year, so the file is new to this database.
    fs.writeFileSync(copy, fs.readFileSync(PLAN_2024, 'utf8').replace(/2024年/g, '2025年').replace('〔2024〕', '〔2025〕'));
    const [a, b] = await Promise.all([sh(`${CLI} ${copy}`, { DATABASE_URL: db.url }), sh(`${CLI} ${copy}`, { DATABASE_URL: db.url })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const outputs = [a.stdout, b.stdout].sort();
    expect(outputs[0]).toMatch(/plan-copy\.txt: already imported as document \d+; nothing changed/);
    expect(outputs[1]).toMatch(/plan-copy\.txt: imported PLAN 2025 as document \d+/);
  });
});
