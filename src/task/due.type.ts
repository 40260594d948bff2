import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DueSource } from './due-rules';

registerEnumType(DueSource, {
  name: 'DueSource',
  description: 'Where a deadline (完成时限) comes from.',
  valuesConfig: {
    TEXT: { description: 'The task’s own text sets it (6月底前, 上半年, 三季度, 年底前 …).' },
    PLAN_YEAR_END: { description: 'The text sets none: 31 December of the plan’s year (a 政府工作报告 task is a task of its year).' },
    EXTENSION: { description: 'The supervision office approved an extension (延期) and fixed this date (Task.extensionRequests); `words` still lists the text’s own deadline words.' },
  },
});

@ObjectType('TaskDue', { description: 'Deadline of a task (完成时限), with where it comes from.' })
export class TaskDueModel {
  @Field({ description: 'The deadline, ISO 8601 (2024-06-30).' })
  date: string;

  @Field({ description: 'The deadline the task’s text or the plan year sets, before any extension (原定时限); equal to `date` unless `source` is EXTENSION.' })
  originalDate: string;

  @Field(() => DueSource, { description: 'Whether the task’s text set it, the plan year’s end applies, or an approved extension (延期) fixed it.' })
  source: DueSource;

  @Field(() => [String], { description: 'The deadline words matched in the task’s text, in text order (6月底前, 年底前); empty for PLAN_YEAR_END. With several, the latest date is the deadline.' })
  words: string[];
}
