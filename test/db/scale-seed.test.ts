import { Client } from 'pg';
import { seedIfEmpty } from '../../src/import/writer/seed';
import { scaleSeed } from '../../scripts/scale-seed';
import { AccountRole, makeKey } from '../support/accounts';
import { SEEDS_DIR } from '../support/seeds';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The benchmarks' 50× database (scripts/scale-seed.ts) copies the documents' rows with their ids shifted, and
 * leaves the installation's own rows (accounts, audit, events, the workflow) alone. It reads the schema, so a
 * new table that points at a left-out one (an upload's account) must not break it: that is how `npm run bench`
 * broke once, silently, since no test ran it.
 */
describe('scaling the seed for the benchmarks', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedIfEmpty(db.dataSource, SEEDS_DIR);
    await makeKey(db.dataSource, AccountRole.OFFICE, { name: '督查办' });
  });
  afterAll(() => db.drop());

  it('copies tasks, units and progress three times over; accounts, audit and events stay as they were', async () => {
    const count = async () =>
      (
        await db.dataSource.query(
          `SELECT (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM unit) AS units, (SELECT count(*)::int FROM progress_update) AS progress,
                  (SELECT count(*)::int FROM account) AS accounts, (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM event) AS events`,
        )
      )[0];
    const before = await count();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await scaleSeed(client, 3);
    } finally {
      await client.end();
    }
    expect(await count()).toEqual({ ...before, tasks: before.tasks * 3, units: before.units * 3, progress: before.progress * 3 });
  });
});
