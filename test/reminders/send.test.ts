import { createDataSource } from '../../src/db/data-source';
import { WorkingCalendar } from '../../src/reminders/calendar';
import { sendReminders, workflowDueDates } from '../../src/reminders/send-reminders';
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

/** The workflow's due dates: reports owed to an open round, and deadlines moved by an extension or ended by closing. */
describe('what reminders chase', () => {
  let db: TestDatabase;
  let tasks: number[];
  let round: number;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedIfEmpty(db.dataSource, SEEDS_DIR);
    tasks = (await db.dataSource.query(`SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024 ORDER BY t.id`)).map((r: { id: number }) => r.id);
    // A round due on Monday 8 April 2024, after the Qingming holiday (4–6 April) and its make-up Sunday (7 April).
    [{ id: round }] = await db.dataSource.query(
      `INSERT INTO reporting_round (plan_id, period, opens_on, due_on, state) SELECT plan_id, '2024-Q1', '2024-03-20', '2024-04-08', 'OPEN' FROM task WHERE id = $1 RETURNING id`,
      [tasks[0]],
    );
  });
  afterAll(() => db.drop());

  const subjects = async (today: string) =>
    (await workflowDueDates(db.dataSource, today)).filter((s) => s.key.startsWith('round:')).map((s) => s.taskId);

  it('a round owes a reminder for every task without a submitted or accepted report, closed tasks excepted, on the calendar’s days', async () => {
    const calendar = WorkingCalendar.load();
    const notice = calendar.addWorkingDays('2024-04-08', -3);
    expect(notice).toBe('2024-04-02');
    expect((await subjects(notice)).length).toBe(tasks.length);
    // A submitted report and a closed task leave the list; a draft does not.
    const [{ unit_id }] = await db.dataSource.query(`SELECT unit_id FROM assignment WHERE task_id = $1 AND role = 'LEAD' LIMIT 1`, [tasks[0]]);
    await db.dataSource.query(
      `INSERT INTO progress_report (round_id, task_id, unit_id, state, text, status, status_reason, derived_status, derived_status_reason) VALUES ($1, $2, $3, 'SUBMITTED', '正在推进。', 'IN_PROGRESS', 'w', 'IN_PROGRESS', 'w'), ($1, $4, $3, 'DRAFT', '草稿', 'IN_PROGRESS', 'w', 'IN_PROGRESS', 'w')`,
      [round, tasks[0], unit_id, tasks[1]],
    );
    await db.dataSource.query(`UPDATE task SET closed_on = '2024-03-25' WHERE id = $1`, [tasks[2]]);
    const owed = await subjects(notice);
    expect(owed).not.toContain(tasks[0]);
    expect(owed).toContain(tasks[1]);
    expect(owed).not.toContain(tasks[2]);
    expect(owed.length).toBe(tasks.length - 2);
    // Sent once, as events naming the round's subject; not a day early.
    expect(await sendReminders(db.dataSource, calendar, '2024-04-01')).toBe(0);
    expect(await sendReminders(db.dataSource, calendar, notice)).toBe(tasks.length - 2);
    expect(await sendReminders(db.dataSource, calendar, notice)).toBe(0);
    const [event] = await db.dataSource.query(`SELECT target FROM event WHERE type = 'reminder' AND task_id = $1`, [tasks[1]]);
    expect(event.target).toMatchObject({ subject: `round:${round}/task:${tasks[1]}`, rule: 'before-3-working-days', dueOn: '2024-04-08' });
  });

  it('a task’s deadline is the extended one; a closed or completed task is not chased', async () => {
    const [a, b, c] = tasks.slice(10, 13);
    await db.dataSource.query(`UPDATE task SET due_on = '2024-06-30', extended_due_on = NULL WHERE id = ANY($1)`, [[a, b, c]]);
    await db.dataSource.query(`UPDATE task SET extended_due_on = '2024-09-30' WHERE id = $1`, [a]);
    await db.dataSource.query(`UPDATE task SET closed_on = '2024-05-01' WHERE id = $1`, [b]);
    const due = (await workflowDueDates(db.dataSource, '2024-09-01')).filter((s) => s.key.startsWith('task:') && [a, b, c].includes(s.taskId));
    expect(due).toEqual([
      { key: `task:${a}`, taskId: a, dueOn: '2024-09-30' },
      { key: `task:${c}`, taskId: c, dueOn: '2024-06-30' },
    ]);
  });
});
