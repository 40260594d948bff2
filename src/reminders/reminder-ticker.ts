import type { DataSource } from 'typeorm';
import { workflowToday } from '../db/config';
import type { Logger } from '../server/logger';
import { type IsoDate, WorkingCalendar } from './calendar';
import { type DueSource, sendReminders, workflowDueDates } from './send-reminders';

export interface ReminderSettings {
  /** How often each process looks for today's reminders (DUBAN_REMINDERS_INTERVAL_MS; 0 turns reminders off). */
  intervalMs: number;
  /** A fixed "today" for reminders only (DUBAN_REMINDERS_TODAY, YYYY-MM-DD); absent, the workflow's today (duban_today()). */
  today?: IsoDate;
  /** Where due dates come from (by default the workflow's: tasks' deadlines and reports owed to open rounds). */
  source?: DueSource;
}

export function remindersFromEnv(env: NodeJS.ProcessEnv = process.env): ReminderSettings | undefined {
  const interval = Number(env.DUBAN_REMINDERS_INTERVAL_MS ?? 600_000);
  if (!Number.isFinite(interval) || interval < 0) throw new Error(`DUBAN_REMINDERS_INTERVAL_MS must be a number of milliseconds (got "${env.DUBAN_REMINDERS_INTERVAL_MS}").`);
  if (interval === 0) return undefined;
  return { intervalMs: interval, today: workflowToday(env.DUBAN_REMINDERS_TODAY, 'DUBAN_REMINDERS_TODAY') };
}

/**
 * The workflow's one today, from PostgreSQL (duban_today(): the date in Beijing, or DUBAN_TODAY through the
 * connection setting), so reminders and the rounds' overdue agree on the day.
 */
async function workflowDay(dataSource: DataSource): Promise<IsoDate> {
  const [{ today }] = await dataSource.query(`SELECT to_char(duban_today(), 'YYYY-MM-DD') AS today`);
  return today;
}

/**
 * Every process ticks; the database makes each reminder go out once
 * (send-reminders.ts). The calendar is read at start, so a bad
 * DUBAN_CALENDAR_FILE stops the start instead of a reminder.
 */
export function startReminders(dataSource: DataSource, settings: ReminderSettings, logger: Logger): { stop(): Promise<void> } {
  const calendar = WorkingCalendar.load();
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    let today = settings.today;
    running = (async () => {
      today ??= await workflowDay(dataSource);
      return sendReminders(dataSource, calendar, today, settings.source ?? workflowDueDates);
    })()
      .then((sent) => {
        if (sent) logger.info({ event: 'reminders_sent', today, sent }, `sent ${sent} reminder(s) for ${today}`);
        else logger.debug({ event: 'reminders_checked', today }, `no reminder due for ${today} that was not sent`);
      })
      .catch((error) => logger.warn({ err: error, event: 'reminders_failed' }, `reminders: ${(error as Error).message}`))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, settings.intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
