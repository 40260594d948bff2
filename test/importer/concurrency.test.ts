import { createDataSource } from '../../src/db/data-source';
import { importFiles } from '../../src/import/writer/import-files';
import { seedIfEmpty } from '../../src/import/writer/seed';
import { createTestDatabase, tableCounts, type TestDatabase } from '../support/test-database';
import { PLAN_2024, registry, REPORT_2021, SEEDS_DIR } from '../support/seeds';

/** Imports at the same moment, each on its own connection pool as separate processes would be. */
describe('concurrent imports', () => {
  let db: TestDatabase;
  const others: ReturnType<typeof createDataSource>[] = [];
  const pool = async () => {
    const ds = createDataSource(db.url);
    await ds.initialize();
    others.push(ds);
    return ds;
  };

  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(others.splice(0).map((ds) => ds.destroy()));
    await db.drop();
  });

  it('imports the same file once when two imports of it run at once; the other reports it unchanged', async () => {
    const [a, b] = [await pool(), await pool()];
    const results = await Promise.all([importFiles(a, [PLAN_2024], registry), importFiles(b, [PLAN_2024], registry)]);
    expect(results.map(([r]) => r.status).sort()).toEqual(['imported', 'unchanged']);
    expect(results[0][0].documentId).toBe(results[1][0].documentId);
    expect(await tableCounts(db.dataSource)).toMatchObject({ document: 1, task: 144 });
  });

  it('imports both of two different files imported at once', async () => {
    const [a, b] = [await pool(), await pool()];
    const results = await Promise.all([importFiles(a, [PLAN_2024], registry), importFiles(b, [REPORT_2021], registry)]);
    expect(results.map(([r]) => r.status)).toEqual(['imported', 'imported']);
    expect(await tableCounts(db.dataSource)).toMatchObject({ document: 2 });
  });

  it('makes a server seeding at start-up wait for an import under way instead of failing', async () => {
    // An import under way holds the import lock for its whole transaction.
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT pg_advisory_xact_lock(hashtext('duban-import'))`);

    let settled = false;
    const seeding = seedIfEmpty(await pool(), SEEDS_DIR).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`))[0].n).toBe(1);

    await holder.commitTransaction();
    await holder.release();
    const results = await seeding;
    expect(results?.map((r) => r.status)).toEqual(['imported', 'imported']);
    expect(await tableCounts(db.dataSource)).toMatchObject({ document: 2 });
  });
});
