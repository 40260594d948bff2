import type { DataSource } from 'typeorm';
import type { Logger } from '../server/logger';
import { type IsoDate, WorkingCalendar } from './calendar';
import { type DueSource, sendReminders, workflowDueDates } from './send-reminders';

export interface ReminderSettings {
  /** How often each process looks for today's reminders (DUBAN_REMINDERS_INTERVAL_MS; 0 turns reminders off). */
  intervalMs: number;
  /** A fixed "today" (DUBAN_REMINDERS_TODAY, YYYY-MM-DD), for tests and rehearsals; the office's date (Asia/Shanghai) when absent. */
  today?: IsoDate;
  /** Where due dates come from (by default the workflow's: tasks' deadlines and reports owed to open rounds). */
  source?: DueSource;
}

export function remindersFromEnv(env: NodeJS.ProcessEnv = process.env): ReminderSettings | undefined {
  const interval = Number(env.DUBAN_REMINDERS_INTERVAL_MS ?? 600_000);
  if (!Number.isFinite(interval) || interval < 0) throw new Error(`DUBAN_REMINDERS_INTERVAL_MS must be a number of milliseconds (got "${env.DUBAN_REMINDERS_INTERVAL_MS}").`);
  if (interval === 0) return undefined;
  // The workflow's fixed date (DUBAN_TODAY, README "Configuration") holds for reminders too, unless they have their own.
  const today = env.DUBAN_REMINDERS_TODAY || env.DUBAN_TODAY || undefined;
  if (today && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`DUBAN_REMINDERS_TODAY must be a date, YYYY-MM-DD (got "${today}").`);
  return { intervalMs: interval, today };
}

/** Today in the office's time zone (a reminder day is a Chongqing day, not a UTC one). */
export function officeToday(now = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
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
    const today = settings.today ?? officeToday();
    running = sendReminders(dataSource, calendar, today, settings.source ?? workflowDueDates)
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
