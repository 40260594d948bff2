import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkingCalendar } from '../../src/reminders/calendar';
import { remindersOn } from '../../src/reminders/reminder-rules';

/** The working-day calendar (calendar/china-workdays.json) and the reminder rules over it, on a fixed clock. */
describe('working days', () => {
  const calendar = WorkingCalendar.load();

  it('covers 2021, 2024, 2025 and 2026; holidays are off, make-up weekend days (调休) are working days', () => {
    expect([2021, 2024, 2025, 2026].every((y) => calendar.covers(y))).toBe(true);
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // Wednesday, 国庆 + 中秋
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休上班
    expect(calendar.isWorkingDay('2024-02-18')).toBe(true); // Sunday, 调休上班
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Monday, 春节
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true); // Sunday, 调休上班
    expect(calendar.isWorkingDay('2021-06-14')).toBe(false); // Monday, 端午
    expect(calendar.isWorkingDay('2025-10-14')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false); // an ordinary Sunday
  });

  it.each([
    // A Monday after the National Day holiday and its make-up Saturday: Sat 10-11 (调休), Fri 10-10, Thu 10-09.
    ['2025-10-13', '2025-10-09'],
    // A Monday after the Spring Festival: Sun 02-18 (调休), then back over 02-10…02-17 to Fri 02-09 and Thu 02-08.
    ['2024-02-19', '2024-02-08'],
    // An ordinary Monday: the Wednesday before.
    ['2025-11-17', '2025-11-12'],
  ])('a task due on %s gets its 3-working-day notice on %s, and on no other day', (due, notice) => {
    expect(calendar.addWorkingDays(due, -3)).toBe(notice);
    expect(remindersOn(calendar, due, notice).map((r) => r.rule.id)).toEqual(['before-3-working-days']);
    for (let d = -10; d <= 0; d++) {
      const day = new Date(Date.parse(`${due}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
      if (day !== notice) expect(remindersOn(calendar, due, day).filter((r) => r.rule.id === 'before-3-working-days')).toEqual([]);
    }
  });

  it('on the due date; every 7 days after, numbered; escalated to the leader after 5 working days', () => {
    const due = '2025-09-26'; // a Friday before the National Day holiday
    expect(remindersOn(calendar, due, due).map((r) => r.rule.id)).toEqual(['on-due-date']);
    expect(remindersOn(calendar, due, '2025-10-03').map((r) => [r.rule.id, r.occurrence])).toEqual([['overdue-every-7-days', 1]]);
    // Working days after Fri 09-26: Sun 09-28 (调休), Mon 09-29, Tue 09-30, then 10-01…10-08 off, Thu 10-09, Fri 10-10.
    expect(calendar.addWorkingDays(due, 5)).toBe('2025-10-10');
    expect(remindersOn(calendar, due, '2025-10-10').map((r) => [r.rule.id, r.occurrence, r.rule.audience])).toEqual([
      ['overdue-every-7-days', 2, 'UNITS'],
      ['escalate-after-5-working-days', 1, 'LEADER'],
    ]);
    expect(remindersOn(calendar, due, '2025-10-09')).toEqual([]);
  });

  it('is replaceable: DUBAN_CALENDAR_FILE names another file of the same shape; a malformed one is refused by name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-calendar-'));
    const file = path.join(dir, 'calendar.json');
    fs.writeFileSync(file, JSON.stringify({ years: { 2030: { holidays: ['2030-01-01'], workdays: ['2030-01-05'] } } }));
    const other = WorkingCalendar.load(file);
    expect(other.isWorkingDay('2030-01-01')).toBe(false);
    expect(other.isWorkingDay('2030-01-05')).toBe(true);
    expect(other.covers(2025)).toBe(false);
    fs.writeFileSync(file, JSON.stringify({ years: { 2030: { holidays: ['2030-02-30'], workdays: [] } } }));
    expect(() => WorkingCalendar.load(file)).toThrow(`${file}: 2030-02-30 is not a date of 2030 (YYYY-MM-DD)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
