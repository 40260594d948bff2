import { createDataSource } from '../../src/db/data-source';
import { WorkingCalendar } from '../../src/reminders/calendar';
import { sendReminders } from '../../src/reminders/send-reminders';
import { seedIfEmpty } from '../../src/import/writer/seed';
import { SEEDS_DIR } from '../support/seeds';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Reminders go out once per rule and subject, as events, whatever the number of processes sending them. */
describe('sending reminders', () => {
  let db: TestDatabase;
  let task: number;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedIfEmpty(db.dataSource, SEEDS_DIR);
    [{ id: task }] = await db.dataSource.query(`SELECT id FROM task ORDER BY id LIMIT 1`);
    // Due on a Monday after the National Day holiday; nothing else in the seeds is due near it.
    await db.dataSource.query(`UPDATE task SET due_on = '2025-10-13' WHERE id = $1`, [task]);
  });
  afterAll(() => db.drop());

  it('two processes ticking at once on the notice day send the 3-working-day notice once, as one event; later ticks send nothing', async () => {
    const calendar = WorkingCalendar.load();
    const other = createDataSource(db.url);
    await other.initialize();
    try {
      const sent = await Promise.all([sendReminders(db.dataSource, calendar, '2025-10-09'), sendReminders(other, calendar, '2025-10-09'), sendReminders(other, calendar, '2025-10-09')]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await sendReminders(db.dataSource, calendar, '2025-10-09')).toBe(0);
      // The day before and after: not a notice day.
      expect(await sendReminders(db.dataSource, calendar, '2025-10-08')).toBe(0);
      expect(await sendReminders(db.dataSource, calendar, '2025-10-10')).toBe(0);
    } finally {
      await other.destroy();
    }
    const events = await db.dataSource.query(`SELECT type, actor, task_id, target, cardinality(lead_unit_ids) > 0 AS has_units FROM event WHERE type = 'reminder'`);
    expect(events).toEqual([
      {
        type: 'reminder',
        actor: 'cli:reminders',
        task_id: task,
        target: { task, subject: `task:${task}`, rule: 'before-3-working-days', occurrence: 1, dueOn: '2025-10-13', audience: 'UNITS' },
        has_units: true,
      },
    ]);
    // On the due date, the next rule; once.
    expect(await sendReminders(db.dataSource, calendar, '2025-10-13')).toBe(1);
    expect(await sendReminders(db.dataSource, calendar, '2025-10-13')).toBe(0);
  });
});
