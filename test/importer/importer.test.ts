import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles } from '../../src/import/writer/import-files';
import { seedIfEmpty } from '../../src/import/writer/seed';
import { createTestDatabase, tableCounts, type TestDatabase } from '../support/test-database';
import { PLAN_2024, registry, REPORT_2021, SEEDS_DIR } from '../support/seeds';

describe('importing the seed documents into PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('imports both documents with the counts they state', async () => {
    const results = await seedIfEmpty(db.dataSource, SEEDS_DIR);
    expect(results!.map((r) => [r.status, r.items, r.tasksCreated, r.progressUpdates, r.flaggedUnits])).toEqual([
      ['imported', { TARGET: 8, KEY_TASK: 136 }, 144, 0, []],
      ['imported', { TARGET: 10, LIVELIHOOD: 10, KEY_TASK: 137 }, 157, 157, []],
    ]);
    const perYear = await db.dataSource.query(
      `SELECT p.year, t.section, count(*)::int AS tasks, count(pu.id)::int AS progress
       FROM task t JOIN plan p ON p.id = t.plan_id LEFT JOIN progress_update pu ON pu.task_id = t.id
       GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(perYear).toEqual([
      { year: 2021, section: 'TARGET', tasks: 10, progress: 10 },
      { year: 2021, section: 'LIVELIHOOD', tasks: 10, progress: 10 },
      { year: 2021, section: 'KEY_TASK', tasks: 137, progress: 137 },
      { year: 2024, section: 'TARGET', tasks: 8, progress: 0 },
      { year: 2024, section: 'KEY_TASK', tasks: 136, progress: 0 },
    ]);
  });

  it('stores the graph: leaders, roles, acting-as names and aliases', async () => {
    const [row] = await db.dataSource.query(
      `SELECT string_agg(l.name, ',' ORDER BY tl.position) AS leaders FROM task t
       JOIN plan p ON p.id = t.plan_id AND p.year = 2024
       JOIN task_leader tl ON tl.task_id = t.id JOIN leader l ON l.id = tl.leader_id
       WHERE t.section = 'KEY_TASK' AND t.number = 18`,
    );
    expect(row.leaders).toBe('户邑,凌健');
    const acting = await db.dataSource.query(
      `SELECT u.name, a.role, a.acting_as, a.written_as FROM assignment a JOIN unit u ON u.id = a.unit_id
       JOIN task t ON t.id = a.task_id JOIN plan p ON p.id = t.plan_id AND p.year = 2021
       WHERE t.section = 'KEY_TASK' AND t.number = 24 ORDER BY a.role, a.position`,
    );
    expect(acting).toEqual([
      { name: '区文化旅游委', role: 'LEAD', acting_as: '歌乐山·磁器口大景区建设指挥部', written_as: '区文旅委' },
      { name: '东部道路建设指挥部', role: 'LEAD', acting_as: null, written_as: '东部道路建设指挥部' },
      { name: '区住房城乡建委', role: 'CO', acting_as: null, written_as: '区住房城乡建委' },
      { name: '区交通局', role: 'CO', acting_as: null, written_as: '区交通局' },
      { name: '磁器口古镇管委会', role: 'CO', acting_as: null, written_as: '磁器口古镇管委会' },
      { name: '相关街道', role: 'CO', acting_as: null, written_as: '相关街道' },
    ]);
    const [units] = await db.dataSource.query(
      `SELECT count(*)::int AS units, count(*) FILTER (WHERE needs_review)::int AS flagged FROM unit`,
    );
    expect(units).toEqual({ units: registry.entries.length, flagged: 0 });
  });

  it('changes nothing when the same documents are imported again', async () => {
    const before = await tableCounts(db.dataSource);
    const results = await importFiles(db.dataSource, [PLAN_2024, REPORT_2021], registry);
    expect(results.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(await tableCounts(db.dataSource)).toEqual(before);
  });
});

describe('one transaction per document', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('leaves no trace of a document whose import fails half-way', async () => {
    const before = await tableCounts(db.dataSource);
    // A real failure late in the transaction: after plan, document, tasks and assignments are written.
    await db.dataSource.query(`ALTER TABLE progress_update ADD CONSTRAINT short_text CHECK (length(text) < 40)`);
    await expect(importFiles(db.dataSource, [REPORT_2021], registry)).rejects.toThrow(/short_text/);
    expect(await tableCounts(db.dataSource)).toEqual(before);
    await db.dataSource.query(`ALTER TABLE progress_update DROP CONSTRAINT short_text`);
  });

  it('attaches a report to the plan of its year, matching tasks by section and number', async () => {
    // A 2024 report in the 2021 report's layout: same text, other year in the title.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'duban-')), 'report-2024.txt');
    fs.writeFileSync(file, fs.readFileSync(REPORT_2021, 'utf8').replace('关于2021年区政府工作报告', '关于2024年区政府工作报告'));
    const [plan, report] = await importFiles(db.dataSource, [PLAN_2024, file], registry);
    expect(plan.tasksCreated).toBe(144);
    // 8 targets and 136 key tasks exist; the report's 10 livelihood projects, target 9–10 and key task 137 do not.
    expect([report.tasksCreated, report.tasksUpdated, report.progressUpdates]).toEqual([13, 0, 157]);
    const [{ leaders }] = await db.dataSource.query(
      `SELECT count(*)::int AS leaders FROM task_leader tl JOIN task t ON t.id = tl.task_id JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024`,
    );
    expect(leaders).toBe(145); // 144 tasks, row 18 has two: the plan's leaders were kept, the report has none
  });
});
