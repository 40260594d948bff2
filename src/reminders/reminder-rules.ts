import { type IsoDate, type WorkingCalendar, addDays } from './calendar';

/** Who a reminder is for: the task's units (牵头/协同单位) or, escalated, its responsible leader (责任区领导). */
export type Audience = 'UNITS' | 'LEADER';

export interface ReminderRule {
  id: string;
  audience: Audience;
  /** The days (for a due date) on which the rule sends, up to and including `today`; `occurrence` numbers repeats. */
  dates(calendar: WorkingCalendar, dueOn: IsoDate, today: IsoDate): { on: IsoDate; occurrence: number }[];
  why: string;
}

/** How many overdue repeats are looked at: a year of weekly reminders. */
const MAX_REPEATS = 53;

/**
 * The reminder rules (README "Reminders"), over a due date:
 * - `before-3-working-days`: 3 working days before it (提前3个工作日), counted on the calendar, so a Monday
 *   after a holiday weekend is reminded of before the holiday;
 * - `on-due-date`: on the day;
 * - `overdue-every-7-days`: every 7 days after it (逾期每7天), numbered;
 * - `escalate-after-5-working-days`: once, to the responsible leader, 5 working days after it (逾期升级).
 * A reminder goes out on its day; one whose day passed while no process ran is not sent late.
 */
export const REMINDER_RULES: readonly ReminderRule[] = [
  {
    id: 'before-3-working-days',
    audience: 'UNITS',
    dates: (c, due) => [{ on: c.addWorkingDays(due, -3), occurrence: 1 }],
    why: 'Time to finish or to ask for an extension.',
  },
  { id: 'on-due-date', audience: 'UNITS', dates: (_c, due) => [{ on: due, occurrence: 1 }], why: 'The task is due today.' },
  {
    id: 'overdue-every-7-days',
    audience: 'UNITS',
    dates: (_c, due, today) => {
      const out: { on: IsoDate; occurrence: number }[] = [];
      for (let k = 1; k <= MAX_REPEATS; k++) {
        const on = addDays(due, 7 * k);
        if (on > today) break;
        out.push({ on, occurrence: k });
      }
      return out;
    },
    why: 'Still overdue: a weekly reminder.',
  },
  {
    id: 'escalate-after-5-working-days',
    audience: 'LEADER',
    dates: (c, due) => [{ on: c.addWorkingDays(due, 5), occurrence: 1 }],
    why: 'Overdue for a working week: the responsible leader is told.',
  },
];

/** The reminders of one due date that fall on `today`. */
export function remindersOn(calendar: WorkingCalendar, dueOn: IsoDate, today: IsoDate, rules: readonly ReminderRule[] = REMINDER_RULES) {
  return rules.flatMap((rule) => rule.dates(calendar, dueOn, today).filter((d) => d.on === today).map((d) => ({ rule, occurrence: d.occurrence })));
}
