import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { RiskLevel } from './risk-level';
import { RiskRule } from './risk-rules';

registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'Supervision light (红黄绿灯) of a task at a date, from the ordered rules listed in RiskRule.',
  valuesConfig: {
    RED: { description: 'Red light (红灯): suspended, overdue (逾期未完成), overdue with no report on it (逾期未报), or unreported twice in a row.' },
    YELLOW: { description: 'Yellow light (黄灯): behind 序时进度, not started after Q1, unreported in the latest report, or due within 30 days.' },
    GREEN: { description: 'Green light (绿灯): completed, or on track.' },
    UNKNOWN: { description: 'No progress report of the plan yet at that date and the deadline not past: nothing to judge yet.' },
  },
});

registerEnumType(RiskRule, {
  name: 'RiskRule',
  description: 'One rule of the supervision lights, in the order they are applied (src/risk/risk-rules.ts).',
  valuesConfig: {
    CLOSED: { description: 'GREEN, decides alone and before every other rule, at every asOf: the supervision office closed the task (办结/销号, Task.closure).' },
    NO_REPORT_YET: { description: 'UNKNOWN, decides alone: the plan has no progress report dated on or before asOf and the task’s deadline is not past (past it, OVERDUE_UNREPORTED wins).' },
    COMPLETED: { description: 'GREEN, decides alone: the latest update says completed (已完成).' },
    SUSPENDED: { description: 'RED: the latest update says the task is halted (暂缓, 暂停, 停工).' },
    OVERDUE: { description: 'RED: asOf is past the deadline and the task’s latest update does not say completed (逾期未完成).' },
    OVERDUE_UNREPORTED: {
      description:
        'RED: asOf is past the deadline and no progress report dated on or before asOf has an update on the task (逾期未报), whether or not the plan has a report; the detail gives the deadline and the date of the plan’s last report. Wins over NO_REPORT_YET.',
    },
    UNREPORTED_TWICE: { description: 'RED: no update in either of the last two reports of its plan (连续两期未报送).' },
    BEHIND_SCHEDULE: { description: 'YELLOW: the stated percent is more than 15 points behind 序时进度 (expectedPercent).' },
    NOT_STARTED_AFTER_Q1: { description: 'YELLOW: the latest update says not started (未启动) and the first quarter is over.' },
    UNREPORTED_LATEST: { description: 'YELLOW: no update in the latest report of its plan (本期未报送).' },
    DUE_SOON: { description: 'YELLOW: the deadline is 30 days away or less and the task is not completed (临近时限).' },
    ON_TRACK: { description: 'GREEN: reported, and no other rule fired (正常推进).' },
  },
});

@ObjectType('RiskReason', { description: 'One rule that fired, with what it saw.' })
export class RiskReasonModel {
  @Field(() => RiskRule, { description: 'The rule.' })
  rule: RiskRule;

  @Field({ description: 'What the rule saw, in words (dates, percents, report).' })
  detail: string;
}

@ObjectType('TaskRisk', { description: 'Supervision light (红黄绿灯) of a task at a date, with the rules that decided it.' })
export class TaskRiskModel {
  @Field(() => RiskLevel, { description: 'The worst level among the rules that fired.' })
  level: RiskLevel;

  @Field({ description: 'The date judged at, ISO 8601: the one asked for, else the date of the newest progress report of the task’s plan (else the plan’s own date).' })
  asOf: string;

  @Field(() => [RiskReasonModel], { description: 'Every rule that fired, in rule order.' })
  reasons: RiskReasonModel[];
}
