import type { DataSource } from 'typeorm';
import { appendEvent } from '../events/event-log';
import { shellPrincipal } from '../graphql/principal';
import type { IsoDate, WorkingCalendar } from './calendar';
import { REMINDER_RULES, type ReminderRule, remindersOn } from './reminder-rules';

/** Something with a due date: today a task (its `due_on`); a reporting round when rounds exist. */
export interface DueSubject {
  /** Unique among subjects: `task:12`, later `round:3`. */
  key: string;
  taskId: number;
  dueOn: IsoDate;
}

/**
 * Where due dates come from: the seam for reporting rounds (built elsewhere), which will pass their own.
 * The default reads tasks' due dates (task.due_on, derived at import) in the window the rules can reach.
 */
export type DueSource = (dataSource: DataSource, today: IsoDate) => Promise<DueSubject[]>;

export const taskDueDates: DueSource = async (dataSource, today) => {
  const rows: { id: number; due_on: string }[] = await dataSource.query(
    `SELECT id, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM task WHERE due_on BETWEEN $1::date - 400 AND $1::date + 30`,
    [today],
  );
  return rows.map((r) => ({ key: `task:${r.id}`, taskId: r.id, dueOn: r.due_on }));
};

/** The principal reminders are sent as: the server itself. */
const REMINDERS = shellPrincipal('reminders');

/**
 * Sends today's reminders, each once whatever the number of processes:
 * the row of `reminder_sent` (primary key: rule, subject, occurrence) is
 * inserted with ON CONFLICT DO NOTHING, and the reminder's event is written
 * in the same transaction only when the insert took. A second process
 * running the same tick waits on the first one's uncommitted row, then
 * finds it and sends nothing. Returns how many were sent.
 */
export async function sendReminders(dataSource: DataSource, calendar: WorkingCalendar, today: IsoDate, source: DueSource = taskDueDates, rules: readonly ReminderRule[] = REMINDER_RULES): Promise<number> {
  const subjects = await source(dataSource, today);
  const due = subjects.flatMap((s) => remindersOn(calendar, s.dueOn, today, rules).map((r) => ({ ...r, subject: s })));
  if (!due.length) return 0;
  return dataSource.transaction(async (tx) => {
    let sent = 0;
    for (const { rule, occurrence, subject } of due) {
      const inserted = await tx.query(
        `INSERT INTO reminder_sent (rule, subject, occurrence, task_id, due_on, sent_on) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING rule`,
        [rule.id, subject.key, occurrence, subject.taskId, subject.dueOn, today],
      );
      if (!inserted.length) continue;
      const eventId = await appendEvent(tx, REMINDERS, { requestId: null, clientAddress: null }, {
        type: 'reminder',
        target: { task: subject.taskId, subject: subject.key, rule: rule.id, occurrence, dueOn: subject.dueOn, audience: rule.audience },
      });
      await tx.query(`UPDATE reminder_sent SET event_id = $4 WHERE rule = $1 AND subject = $2 AND occurrence = $3`, [rule.id, subject.key, occurrence, eventId]);
      sent++;
    }
    return sent;
  });
}
