import { ProgressStatus } from '../../src/progress/progress-status';
import { RiskLevel } from '../../src/risk/risk-level';
import { type RiskInput, RiskRule, assessRisk, expectedPercent } from '../../src/risk/risk-rules';

/** A 2024 task with a year-end deadline, judged at 2024-07-12 after the Q1 (doc 1) and H1 (doc 2) reports. */
const base = (over: Partial<RiskInput> = {}): RiskInput => ({
  asOf: '2024-07-12',
  planYear: 2024,
  due: '2024-12-31',
  closedOn: null,
  reports: [
    { documentId: 1, date: '2024-04-10' },
    { documentId: 2, date: '2024-07-12' },
  ],
  updates: [
    { documentId: 1, status: ProgressStatus.IN_PROGRESS, percent: null },
    { documentId: 2, status: ProgressStatus.IN_PROGRESS, percent: null },
  ],
  ...over,
});
const latest = (status: ProgressStatus, percent: number | null = null) => ({
  updates: [
    { documentId: 1, status: ProgressStatus.IN_PROGRESS, percent: null },
    { documentId: 2, status, percent },
  ],
});
const rules = (input: RiskInput) => assessRisk(input).reasons.map((r) => r.rule);

describe('risk rules, one test per rule', () => {
  it('CLOSED: GREEN and alone, before every other rule, even past the deadline with no update and no report', () => {
    const v = assessRisk(base({ asOf: '2025-03-01', reports: [], updates: [], closedOn: '2024-11-20' }));
    expect(v).toEqual({ level: RiskLevel.GREEN, asOf: '2025-03-01', reasons: [{ rule: RiskRule.CLOSED, detail: 'closed by the supervision office on 2024-11-20 (办结/销号)' }] });
    expect(rules(base({ ...latest(ProgressStatus.SUSPENDED), closedOn: '2024-07-01' }))).toEqual([RiskRule.CLOSED]);
  });

  it('NO_REPORT_YET: UNKNOWN when the plan has no report by asOf', () => {
    const v = assessRisk(base({ asOf: '2024-03-01', reports: [], updates: [] }));
    expect(v).toEqual({ level: RiskLevel.UNKNOWN, asOf: '2024-03-01', reasons: [{ rule: RiskRule.NO_REPORT_YET, detail: expect.stringContaining('2024') }] });
  });

  it('NO_REPORT_YET: UNKNOWN on the deadline itself, not after it', () => {
    expect(rules(base({ asOf: '2024-12-31', reports: [], updates: [] }))).toEqual([RiskRule.NO_REPORT_YET]);
    expect(assessRisk(base({ asOf: '2025-01-01', reports: [], updates: [] })).level).toBe(RiskLevel.RED);
  });

  it('OVERDUE_UNREPORTED: RED past the deadline with no report on the task, and it wins over NO_REPORT_YET', () => {
    const none = assessRisk(base({ asOf: '2025-03-01', reports: [], updates: [] }));
    expect(none).toEqual({
      level: RiskLevel.RED,
      asOf: '2025-03-01',
      reasons: [
        {
          rule: RiskRule.OVERDUE_UNREPORTED,
          detail: 'past its deadline 2024-12-31 and no progress report has an update on it (逾期未报); the 2024 plan has no progress report dated on or before 2025-03-01',
        },
      ],
    });
    // Reports exist but none covers the task: the last report's date is the reason, beside the unreported rules.
    const silent = assessRisk(base({ asOf: '2025-03-01', updates: [] }));
    expect([silent.level, silent.reasons.map((r) => r.rule)]).toEqual([RiskLevel.RED, [RiskRule.OVERDUE_UNREPORTED, RiskRule.UNREPORTED_TWICE]]);
    expect(silent.reasons[0].detail).toBe(
      "past its deadline 2024-12-31 and no progress report has an update on it (逾期未报); the plan's last report is dated 2024-07-12",
    );
    // A reported task past its deadline is OVERDUE (逾期未完成), not unreported.
    expect(rules(base({ asOf: '2025-03-01' }))).toEqual([RiskRule.OVERDUE]);
  });

  it('COMPLETED: GREEN and decides alone, even past the deadline', () => {
    const v = assessRisk(base({ ...latest(ProgressStatus.COMPLETED), due: '2024-06-30' }));
    expect([v.level, rules(base({ ...latest(ProgressStatus.COMPLETED), due: '2024-06-30' }))]).toEqual([RiskLevel.GREEN, [RiskRule.COMPLETED]]);
  });

  it('SUSPENDED: RED', () => {
    const v = assessRisk(base(latest(ProgressStatus.SUSPENDED)));
    expect([v.level, rules(base(latest(ProgressStatus.SUSPENDED)))]).toEqual([RiskLevel.RED, [RiskRule.SUSPENDED]]);
  });

  it('OVERDUE: RED the day after the deadline, not on it', () => {
    expect(assessRisk(base({ due: '2024-07-11' })).level).toBe(RiskLevel.RED);
    expect(rules(base({ due: '2024-07-11' }))).toEqual([RiskRule.OVERDUE]);
    expect(rules(base({ due: '2024-07-12' }))).toEqual([RiskRule.DUE_SOON]);
  });

  it('UNREPORTED_TWICE: RED when neither of the last two reports covers the task', () => {
    const v = assessRisk(base({ updates: [] }));
    expect([v.level, v.reasons.map((r) => r.rule)]).toEqual([RiskLevel.RED, [RiskRule.UNREPORTED_TWICE]]);
    // one report only: cannot be twice
    expect(rules(base({ reports: [{ documentId: 1, date: '2024-04-10' }], updates: [], asOf: '2024-04-10' }))).toEqual([RiskRule.UNREPORTED_LATEST]);
  });

  it('BEHIND_SCHEDULE: YELLOW when more than 15 points behind 序时进度', () => {
    // 2024-07-12: 193 of 365 days = 52.9%. 37% is 15.9 behind; 38% is 14.9 behind.
    expect(assessRisk(base(latest(ProgressStatus.IN_PROGRESS, 37)))).toMatchObject({
      level: RiskLevel.YELLOW,
      reasons: [{ rule: RiskRule.BEHIND_SCHEDULE, detail: 'stated 37% is more than 15 points behind the expected 52.9% (落后序时进度)' }],
    });
    expect(assessRisk(base(latest(ProgressStatus.IN_PROGRESS, 38))).level).toBe(RiskLevel.GREEN);
  });

  it('NOT_STARTED_AFTER_Q1: YELLOW after 31 March, not before', () => {
    expect(rules(base(latest(ProgressStatus.NOT_STARTED)))).toEqual([RiskRule.NOT_STARTED_AFTER_Q1]);
    const q1 = base({ asOf: '2024-03-31', reports: [{ documentId: 1, date: '2024-03-31' }], updates: [{ documentId: 1, status: ProgressStatus.NOT_STARTED, percent: null }] });
    expect(assessRisk(q1).level).toBe(RiskLevel.GREEN);
  });

  it('UNREPORTED_LATEST: YELLOW when only the latest report misses the task', () => {
    const v = assessRisk(base({ updates: [{ documentId: 1, status: ProgressStatus.IN_PROGRESS, percent: null }] }));
    expect([v.level, v.reasons.map((r) => r.rule)]).toEqual([RiskLevel.YELLOW, [RiskRule.UNREPORTED_LATEST]]);
  });

  it('DUE_SOON: YELLOW within 30 days of the deadline', () => {
    expect(rules(base({ due: '2024-08-11' }))).toEqual([RiskRule.DUE_SOON]); // 30 days
    expect(rules(base({ due: '2024-08-12' }))).toEqual([RiskRule.ON_TRACK]); // 31 days
  });

  it('ON_TRACK: GREEN when reported and no other rule fires', () => {
    expect(assessRisk(base())).toEqual({ level: RiskLevel.GREEN, asOf: '2024-07-12', reasons: [{ rule: RiskRule.ON_TRACK, detail: expect.any(String) }] });
  });

  it('lists every rule that fires; the worst level wins', () => {
    const v = assessRisk(base({ ...latest(ProgressStatus.SUSPENDED, 10), due: '2024-08-01' }));
    expect([v.level, v.reasons.map((r) => r.rule)]).toEqual([RiskLevel.RED, [RiskRule.SUSPENDED, RiskRule.BEHIND_SCHEDULE, RiskRule.DUE_SOON]]);
  });
});

describe('expected progress (序时进度)', () => {
  it.each([
    ['2024-01-01', 0],
    ['2024-07-12', 52.9],
    ['2024-12-31', 100],
    ['2025-03-01', 100],
  ])('at %s of a year-end task: %d%%', (asOf, expected) => {
    expect(expectedPercent(2024, '2024-12-31', asOf)).toBe(expected);
  });
});
