import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { importFiles } from '../../src/import/writer/import-files';
import { seedIfEmpty } from '../../src/import/writer/seed';
import { expectSnapshot } from '../support/snapshot';
import { SEEDS_DIR, registry } from '../support/seeds';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 21 moved the derivation of the stored signals (deadline, status,
 * percent, items) from the writer's transaction into the pure parse. What is
 * stored must not change: the snapshot was recorded with the writer that
 * derived them itself (commit 80fa8de), over both seeds and every format
 * fixture the machine can read, and this test compares the rows stored now.
 */
const FORMATS = path.join(__dirname, '..', 'fixtures', 'formats');
const FIXTURES = ['plan-2024.docx', 'plan-2024.doc', 'plan-2024.html', 'plan-2024-gbk.html', 'plan-2024-prose.txt', 'report-2021.xlsx', 'yuzhong-plan-prose.txt'];

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);
afterAll(() => db?.drop());

/** The stored signals, one line a task and one a progress update, in a fixed order; a progress text's items as a digest. */
async function storedSignals(dataSource: DataSource): Promise<string> {
  const tasks: Record<string, unknown>[] = await dataSource.query(
    `SELECT j.name AS jurisdiction, p.year, t.section, t.number, t.due_on::text, t.due_source, t.due_words
     FROM task t JOIN plan p ON p.id = t.plan_id JOIN jurisdiction j ON j.id = p.jurisdiction_id
     ORDER BY 1, 2, 3, 4`,
  );
  const updates: Record<string, unknown>[] = await dataSource.query(
    `SELECT j.name AS jurisdiction, p.year, t.section, t.number, pu.period, pu.status, pu.status_reason, pu.percent, pu.percent_reason, pu.items
     FROM progress_update pu JOIN task t ON t.id = pu.task_id JOIN plan p ON p.id = t.plan_id JOIN jurisdiction j ON j.id = p.jurisdiction_id
     ORDER BY 1, 2, 3, 4, 5`,
  );
  const line = (row: Record<string, unknown>) => Object.values(row).map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join('\t');
  const digest = (items: unknown) => createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 16);
  return [...tasks.map(line), ...updates.map(({ items, ...rest }) => `${line(rest)}\titems ${digest(items)}`)].join('\n');
}

it('the seeds store the signals they stored before', async () => {
  await seedIfEmpty(db.dataSource, SEEDS_DIR);
  expectSnapshot(path.join(__dirname, '__signals__', 'seeds.tsv'), `${await storedSignals(db.dataSource)}\n`);
}, 120_000);

it.each(FIXTURES)('%s stores the signals it stored before', async (file) => {
  await db.dataSource.query(`TRUNCATE document, task, progress_update, plan, jurisdiction, unit, leader CASCADE`);
  await importFiles(db.dataSource, [path.join(FORMATS, file)], registry);
  expectSnapshot(path.join(__dirname, '__signals__', `${file}.tsv`), `${await storedSignals(db.dataSource)}\n`);
}, 120_000);
