import { ProgressStatus } from '../progress/progress-status';
import { RiskLevel } from './risk-level';

/**
 * The supervision lights (红黄绿灯), as ordered, explainable rules. This file is
 * the definition; `risk.sql.ts` computes the same level in SQL for filters and
 * statistics, and test/risk/risk-sql-agrees.test.ts checks the two agree on
 * every task of the seeds and the fixtures at several dates.
 *
 * All dates are ISO strings (YYYY-MM-DD) and compare as strings.
 */

/** One progress report of the task's plan, dated on or before `asOf`. */
export interface RiskReport {
  documentId: number;
  /** The report's date (落款日期; 31 December of its year when it has none). */
  date: string;
}

/** What one of those reports says about the task. */
export interface RiskUpdate {
  documentId: number;
  status: ProgressStatus;
  percent: number | null;
}

export interface RiskInput {
  asOf: string;
  planYear: number;
  /** The deadline: an approved extension's (延期) when there is one. */
  due: string;
  /** The day the office closed the task (办结), null while open. */
  closedOn: string | null;
  /** Reports of the plan dated on or before asOf, oldest first (ties by document id). */
  reports: RiskReport[];
  /** The task's updates in those reports. */
  updates: RiskUpdate[];
}

export enum RiskRule {
  CLOSED = 'CLOSED',
  NO_REPORT_YET = 'NO_REPORT_YET',
  COMPLETED = 'COMPLETED',
  SUSPENDED = 'SUSPENDED',
  OVERDUE = 'OVERDUE',
  OVERDUE_UNREPORTED = 'OVERDUE_UNREPORTED',
  UNREPORTED_TWICE = 'UNREPORTED_TWICE',
  BEHIND_SCHEDULE = 'BEHIND_SCHEDULE',
  NOT_STARTED_AFTER_Q1 = 'NOT_STARTED_AFTER_Q1',
  UNREPORTED_LATEST = 'UNREPORTED_LATEST',
  DUE_SOON = 'DUE_SOON',
  ON_TRACK = 'ON_TRACK',
}

export interface RiskReason {
  rule: RiskRule;
  detail: string;
}

export interface RiskVerdict {
  level: RiskLevel;
  asOf: string;
  reasons: RiskReason[];
}

/** Points a stated percent may lag 序时进度 before the task turns yellow. */
export const BEHIND_POINTS = 15;
/** Days before the deadline from which an unfinished task turns yellow. */
export const DUE_SOON_DAYS = 30;

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const daysBetween = (from: string, to: string) => Math.round((time(to) - time(from)) / DAY);
const planStart = (year: number) => `${year}-01-01`;

/**
 * 序时进度: the share of the time from the plan's start (1 January of its year)
 * to the deadline that has passed at `asOf`, 0–100, one decimal.
 */
export function expectedPercent(planYear: number, due: string, asOf: string): number {
  const span = daysBetween(planStart(planYear), due);
  const passed = daysBetween(planStart(planYear), asOf);
  if (passed <= 0) return 0;
  if (passed >= span) return 100;
  return Math.round((passed * 1000) / span) / 10;
}

interface Facts {
  input: RiskInput;
  latest: RiskUpdate | null;
  inLast: boolean;
  inPrevious: boolean;
}

interface Rule {
  rule: RiskRule;
  level: RiskLevel;
  /** A detail when the rule fires, null when it does not. */
  fires: (f: Facts) => string | null;
}

/** A deadline passed with no update on the task in any report (逾期未报): needs no report to be judged. */
const overdueUnreported: Rule = {
  rule: RiskRule.OVERDUE_UNREPORTED,
  level: RiskLevel.RED,
  fires: ({ input, latest }) => {
    if (latest || !(input.asOf > input.due)) return null;
    const last = input.reports.at(-1);
    const lastReport = last ? `the plan's last report is dated ${last.date}` : `the ${input.planYear} plan has no progress report dated on or before ${input.asOf}`;
    return `past its deadline ${input.due} and no progress report has an update on it (逾期未报); ${lastReport}`;
  },
};

/**
 * In order. CLOSED, NO_REPORT_YET and COMPLETED decide alone (the office
 * struck it off; nothing to judge yet; done is done). CLOSED comes first and
 * holds at every asOf: closing (办结) is the office's answer to what the
 * reports say, and a light that stayed red until the next report's date would
 * ask the office to act on it twice (README "Extensions and closing").
 * NO_REPORT_YET and COMPLETED come only after OVERDUE_UNREPORTED: a task whose deadline
 * passed with no update on it is red whether or not its plan has a report, so
 * NO_REPORT_YET is UNKNOWN only while the deadline is still ahead. Of the
 * rest, every rule that fires is listed and the worst level wins.
 */
export const RULES: Rule[] = [
  {
    rule: RiskRule.CLOSED,
    level: RiskLevel.GREEN,
    fires: ({ input }) => (input.closedOn ? `closed by the supervision office on ${input.closedOn} (办结/销号)` : null),
  },
  {
    rule: RiskRule.NO_REPORT_YET,
    level: RiskLevel.UNKNOWN,
    fires: (f) =>
      f.input.reports.length === 0 && !overdueUnreported.fires(f) ? `no progress report of the ${f.input.planYear} plan dated on or before ${f.input.asOf}, and its deadline ${f.input.due} is not past` : null,
  },
  {
    rule: RiskRule.COMPLETED,
    level: RiskLevel.GREEN,
    fires: ({ latest }) => (latest?.status === ProgressStatus.COMPLETED ? 'the latest update says the task is completed (已完成)' : null),
  },
  {
    rule: RiskRule.SUSPENDED,
    level: RiskLevel.RED,
    fires: ({ latest }) => (latest?.status === ProgressStatus.SUSPENDED ? 'the latest update says the task is halted (暂缓/暂停)' : null),
  },
  {
    rule: RiskRule.OVERDUE,
    level: RiskLevel.RED,
    // With no update the task may be done or not: that is OVERDUE_UNREPORTED.
    fires: ({ input, latest }) => (latest && input.asOf > input.due ? `past its deadline ${input.due} and not completed (逾期未完成)` : null),
  },
  overdueUnreported,
  {
    rule: RiskRule.UNREPORTED_TWICE,
    level: RiskLevel.RED,
    fires: ({ input, inLast, inPrevious }) =>
      input.reports.length >= 2 && !inLast && !inPrevious ? 'no update in the last two progress reports of its plan (连续两期未报送)' : null,
  },
  {
    rule: RiskRule.BEHIND_SCHEDULE,
    level: RiskLevel.YELLOW,
    fires: ({ input, latest }) => {
      if (latest?.percent == null) return null;
      // Compared as (passed days × 100) against (percent + 15) × span days, the
      // same float arithmetic as risk.sql.ts, so the two never disagree on a boundary.
      const span = daysBetween(planStart(input.planYear), input.due);
      const passed = Math.min(Math.max(daysBetween(planStart(input.planYear), input.asOf), 0), span);
      if (!(passed * 100 > (latest.percent + BEHIND_POINTS) * span)) return null;
      const expected = expectedPercent(input.planYear, input.due, input.asOf);
      return `stated ${latest.percent}% is more than ${BEHIND_POINTS} points behind the expected ${expected}% (落后序时进度)`;
    },
  },
  {
    rule: RiskRule.NOT_STARTED_AFTER_Q1,
    level: RiskLevel.YELLOW,
    fires: ({ input, latest }) =>
      latest?.status === ProgressStatus.NOT_STARTED && input.asOf > `${input.planYear}-03-31` ? 'not started (未启动) after the first quarter' : null,
  },
  {
    rule: RiskRule.UNREPORTED_LATEST,
    level: RiskLevel.YELLOW,
    fires: ({ input, inLast, inPrevious }) =>
      input.reports.length > 0 && !inLast && (input.reports.length < 2 || inPrevious) ? 'no update in the latest progress report of its plan (本期未报送)' : null,
  },
  {
    rule: RiskRule.DUE_SOON,
    level: RiskLevel.YELLOW,
    fires: ({ input }) => {
      const left = daysBetween(input.asOf, input.due);
      return left >= 0 && left <= DUE_SOON_DAYS ? `due ${input.due}, in ${left} days, and not completed (临近时限)` : null;
    },
  },
];

const SEVERITY = [RiskLevel.GREEN, RiskLevel.YELLOW, RiskLevel.RED];

export function assessRisk(input: RiskInput): RiskVerdict {
  const byReport = new Map(input.updates.map((u) => [u.documentId, u]));
  const reported = input.reports.filter((r) => byReport.has(r.documentId));
  const last = input.reports.at(-1);
  const previous = input.reports.at(-2);
  const facts: Facts = {
    input,
    latest: reported.length ? byReport.get(reported.at(-1)!.documentId)! : null,
    inLast: !!last && byReport.has(last.documentId),
    inPrevious: !!previous && byReport.has(previous.documentId),
  };
  const verdict = (level: RiskLevel, reasons: RiskReason[]): RiskVerdict => ({ level, asOf: input.asOf, reasons });

  const [closed, unknown, completed, ...judged] = RULES;
  for (const decisive of [closed, unknown, completed]) {
    const detail = decisive.fires(facts);
    if (detail) return verdict(decisive.level, [{ rule: decisive.rule, detail }]);
  }
  const fired = judged.flatMap((r) => {
    const detail = r.fires(facts);
    return detail ? [{ rule: r, detail }] : [];
  });
  if (fired.length === 0) return verdict(RiskLevel.GREEN, [{ rule: RiskRule.ON_TRACK, detail: 'reported in the latest report, not behind 序时进度, deadline not near (正常推进)' }]);
  const level = fired.map((f) => f.rule.level).reduce((a, b) => (SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a));
  return verdict(level, fired.map((f) => ({ rule: f.rule.rule, detail: f.detail })));
}
