import { workflowToday } from '../../src/db/config';
import { createDataSource } from '../../src/db/data-source';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** duban_today(): the workflow's one "today" (migration WorkflowToday, README "Configuration" DUBAN_TODAY). */
describe('the workflow date', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('is the date in Beijing whatever the session time zone', async () => {
    const [row] = await db.dataSource.transaction(async (tx) => {
      // At 20:00 in Los Angeles it is already the next day in Beijing: CURRENT_DATE would say the day before.
      await tx.query(`SET LOCAL TIME ZONE 'America/Los_Angeles'`);
      return tx.query(`SELECT duban_today()::text AS today, ((now() AT TIME ZONE 'Asia/Shanghai')::date)::text AS beijing`);
    });
    expect(row.today).toBe(row.beijing);
  });

  it('is the configured date on a pool made with DUBAN_TODAY', async () => {
    const fixed = createDataSource(db.url, { today: '2024-03-20' });
    await fixed.initialize();
    try {
      expect(await fixed.query(`SELECT duban_today()::text AS today`)).toEqual([{ today: '2024-03-20' }]);
    } finally {
      await fixed.destroy();
    }
  });

  it.each([
    ['2024-02-30', 'DUBAN_TODAY must be a date written YYYY-MM-DD (2024-03-20), not "2024-02-30".'],
    ['20240320', 'DUBAN_TODAY must be a date written YYYY-MM-DD (2024-03-20), not "20240320".'],
    ['2024-03-20; DROP TABLE task', 'DUBAN_TODAY must be a date written YYYY-MM-DD (2024-03-20), not "2024-03-20; DROP TABLE task".'],
  ])('DUBAN_TODAY=%s is refused at start', (value, message) => {
    expect(() => workflowToday(value)).toThrow(message);
  });

  it('unset or empty DUBAN_TODAY is the real date', () => {
    expect(workflowToday(undefined)).toBeUndefined();
    expect(workflowToday('')).toBeUndefined();
    expect(workflowToday('2024-02-29')).toBe('2024-02-29');
  });
});
