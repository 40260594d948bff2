import type { DataSource } from 'typeorm';
import { appendEvent } from '../events/event-log';
import { owesReportSql } from '../round/owes-report.sql';
import { compile, sql } from '../sql/sql';
import { shellPrincipal } from '../graphql/principal';
import type { IsoDate, WorkingCalendar } from './calendar';
import { REMINDER_RULES, type ReminderRule, remindersOn } from './reminder-rules';

/** Something with a due date: a task's deadline, or a report a task owes a reporting round. */
export interface DueSubject {
  /** Unique among subjects: `task:12` (its deadline), `round:3/task:12` (its report to round 3). */
  key: string;
  taskId: number;
  dueOn: IsoDate;
}

/**
 * Where due dates come from (a seam: tests pass their own). The default is
 * the workflow's own: `workflowDueDates`.
 */
export type DueSource = (dataSource: DataSource, today: IsoDate) => Promise<DueSubject[]>;

/**
 * Tasks' deadlines as the lights read them — an approved extension's date
 * (延期) before the document's — for tasks still open: a closed task (办结) or
 * one whose latest report says COMPLETED is chased no more. Only deadlines a
 * document or the office stated (not the plan year's end, which every task
 * without one shares). Within the window the rules can reach.
 */
export const taskDueDates: DueSource = async (dataSource, today) => {
  const rows: { id: number; due_on: string }[] = await dataSource.query(
    `SELECT id, to_char(COALESCE(extended_due_on, due_on), 'YYYY-MM-DD') AS due_on FROM task
     WHERE COALESCE(extended_due_on, due_on) BETWEEN $1::date - 400 AND $1::date + 30
       AND closed_on IS NULL AND latest_status IS DISTINCT FROM 'COMPLETED'
     ORDER BY id`,
    [today],
  );
  return rows.map((r) => ({ key: `task:${r.id}`, taskId: r.id, dueOn: r.due_on }));
};

/**
 * Reports owed to open reporting rounds (报送提醒): each task of the round's
 * plan with no report submitted or accepted in it (not reported, a draft, or
 * returned), closed tasks excepted, due on the round's due date — the tasks
 * Round.missingTasks lists.
 */
export const roundReportDueDates: DueSource = async (dataSource, today) => {
  const q = compile(sql`
    SELECT ${rr}.id AS round_id, ${t}.id AS task_id, to_char(${rr}.due_on, 'YYYY-MM-DD') AS due_on
    FROM reporting_round ${rr} JOIN task ${t} ON ${t}.plan_id = ${rr}.plan_id
    WHERE ${rr}.state = 'OPEN' AND ${rr}.due_on BETWEEN ${sql.value(today, 'date')} - 400 AND ${sql.value(today, 'date')} + 30 AND ${owesReportSql(rr, t)}
    ORDER BY ${rr}.id, ${t}.id`);
  const rows: { round_id: number; task_id: number; due_on: string }[] = await dataSource.query(q.text, q.values);
  return rows.map((r) => ({ key: `round:${r.round_id}/task:${r.task_id}`, taskId: r.task_id, dueOn: r.due_on }));
};

/** Both: what the office chases (催办) — deadlines of open tasks and reports owed to open rounds. */
export const workflowDueDates: DueSource = async (dataSource, today) => [...(await taskDueDates(dataSource, today)), ...(await roundReportDueDates(dataSource, today))];

const rr = sql.identifier('rr');
const t = sql.identifier('t');

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
export async function sendReminders(dataSource: DataSource, calendar: WorkingCalendar, today: IsoDate, source: DueSource = workflowDueDates, rules: readonly ReminderRule[] = REMINDER_RULES): Promise<number> {
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
