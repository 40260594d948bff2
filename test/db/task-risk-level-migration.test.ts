import { seedIfEmpty } from '../../src/import/writer/seed';
import { riskLevelSql } from '../../src/risk/risk.sql';
import { storeSupervisionFacts, storeWorkflowFacts } from '../../src/risk/supervision-facts';
import { compile, sql } from '../../src/sql/sql';
import { SEEDS_DIR } from '../support/seeds';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * TaskRiskLevel1796501000000 adds task.risk_level and stores the light of every task already there. The
 * light reads columns later migrations than its first name added (rounds as reports, extended deadlines,
 * closing), so it runs last; the migrations before it store the facts without the light.
 */
describe('the TaskRiskLevel migration', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedIfEmpty(db.dataSource, SEEDS_DIR);
  }, 120_000);
  afterAll(() => db?.drop());

  const hasColumn = async () =>
    (await db.dataSource.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'task' AND column_name = 'risk_level'`))[0].n === 1;

  it('is the last migration', async () => {
    const names = db.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
    expect(names[names.length - 1]).toBe('TaskRiskLevel1796501000000');
  });

  it('stores, on a database with a task closed before it, the light worked out from the raw rows', async () => {
    const ds = db.dataSource;
    const [closed] = await ds.query(`SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2021 AND t.section = 'KEY_TASK' AND t.number = 17`);
    await ds.query(`INSERT INTO task_closure (task_id, state, reason, closed_at, version) VALUES ($1, 'CLOSED', '销号', now(), 1)`, [closed.id]);
    await storeWorkflowFacts(ds, closed.id);

    await ds.undoLastMigration({ transaction: 'all' });
    expect(await hasColumn()).toBe(false);
    // What the earlier migrations do: the facts, without the light whose column is not there yet.
    await storeSupervisionFacts(ds, null, { riskLevel: false });
    await expect(storeSupervisionFacts(ds)).rejects.toThrow(/risk_level/);

    await ds.runMigrations({ transaction: 'all' });
    expect(await hasColumn()).toBe(true);
    const t = sql.identifier('t');
    const p = sql.identifier('p');
    for (const plan of await ds.query(`SELECT id, to_char(default_as_of, 'YYYY-MM-DD') AS as_of FROM plan`)) {
      const q = compile(sql`SELECT ${t}.id, ${t}.risk_level AS stored, ${riskLevelSql({ task: t, plan: p }, plan.as_of)} AS worked_out
        FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id WHERE ${p}.id = ${sql.value(plan.id, 'int')} ORDER BY ${t}.id`);
      const rows: { id: number; stored: string; worked_out: string }[] = await ds.query(q.text, q.values);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.stored !== r.worked_out)).toEqual([]);
    }
    expect((await ds.query(`SELECT risk_level FROM task WHERE id = $1`, [closed.id]))[0].risk_level).toBe('GREEN');
  });
});
