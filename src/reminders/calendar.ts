import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/config';

/** The shipped calendar: China's holidays and make-up working days (调休) for 2021, 2024, 2025, 2026. */
export const DEFAULT_CALENDAR_FILE = path.join(PROJECT_ROOT, 'calendar', 'china-workdays.json');

const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A date as `YYYY-MM-DD` (a calendar day, no time zone: the office's own day). */
export type IsoDate = string;

function toDay(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
}

function fromDay(day: number): IsoDate {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDay(toDay(date) + days);
}

/**
 * Working days (工作日): Monday to Friday, less the public holidays, plus the
 * weekend days worked instead (调休上班) — so a Sunday can be a working day and
 * a Wednesday not. Years the file does not list are counted by weekdays only;
 * `covers` says which years are known.
 */
export class WorkingCalendar {
  private readonly holidays: Set<IsoDate>;
  private readonly workdays: Set<IsoDate>;
  readonly years: ReadonlySet<number>;

  constructor(data: { years: Record<string, { holidays: IsoDate[]; workdays: IsoDate[] }> }, source = 'calendar') {
    this.holidays = new Set();
    this.workdays = new Set();
    for (const [year, { holidays, workdays }] of Object.entries(data.years)) {
      for (const d of [...holidays, ...workdays]) {
        if (!ISO.test(d) || d.slice(0, 4) !== year || fromDay(toDay(d)) !== d) throw new Error(`${source}: ${d} is not a date of ${year} (YYYY-MM-DD)`);
      }
      holidays.forEach((d) => this.holidays.add(d));
      workdays.forEach((d) => this.workdays.add(d));
    }
    const both = [...this.holidays].filter((d) => this.workdays.has(d));
    if (both.length) throw new Error(`${source}: ${both.join(', ')} listed both as holiday and as working day`);
    this.years = new Set(Object.keys(data.years).map(Number));
  }

  /** The calendar of DUBAN_CALENDAR_FILE, or the shipped one. */
  static load(file = process.env.DUBAN_CALENDAR_FILE || DEFAULT_CALENDAR_FILE): WorkingCalendar {
    return new WorkingCalendar(JSON.parse(fs.readFileSync(file, 'utf8')), file);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: IsoDate): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(toDay(date) * DAY).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The working day `n` working days after `date` (n > 0) or before it (n < 0); `date` itself is not counted. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    const step = n < 0 ? -1 : 1;
    let day = toDay(date);
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (this.isWorkingDay(fromDay(day))) left--;
    }
    return fromDay(day);
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let day = toDay(from) + 1; day <= toDay(to); day++) if (this.isWorkingDay(fromDay(day))) count++;
    return count;
  }
}
