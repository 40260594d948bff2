import { Field, Float, InputType } from 'type-graphql';
import { DueSource } from '../task/due-rules';
import { RiskLevel } from './risk-level';

@InputType({ description: 'Conditions on the supervision light (红黄绿灯) of a task at a date. Both conditions given must hold.' })
export class RiskFilter {
  @Field(() => RiskLevel, { nullable: true, description: 'Has this level.' })
  level?: RiskLevel;

  @Field(() => [RiskLevel], { nullable: true, description: 'Has one of these levels.' })
  in?: RiskLevel[];

  @Field(() => String, { nullable: true, description: 'Judge at this date, ISO 8601 (2024-06-30). Default: per task, the date of the newest progress report of its plan, as Task.risk.' })
  asOf?: string;
}

@InputType({ description: 'Conditions on a deadline (完成时限). Several conditions must all hold; dates are ISO 8601 (2024-06-30).' })
export class DueFilter {
  @Field(() => String, { nullable: true, description: 'On this date.' })
  eq?: string;

  @Field(() => String, { nullable: true, description: 'Before this date.' })
  lt?: string;

  @Field(() => String, { nullable: true, description: 'On or before this date.' })
  lte?: string;

  @Field(() => String, { nullable: true, description: 'After this date.' })
  gt?: string;

  @Field(() => String, { nullable: true, description: 'On or after this date.' })
  gte?: string;

  @Field(() => DueSource, { nullable: true, description: 'Set by the task’s text (TEXT), the plan year’s end (PLAN_YEAR_END) or an approved extension (EXTENSION).' })
  source?: DueSource;
}

@InputType({ description: 'Conditions on the percent (0–100) the newest progress update states. A task whose newest update states none never matches.' })
export class PercentFilter {
  @Field(() => Float, { nullable: true, description: 'Equal to.' })
  eq?: number;

  @Field(() => Float, { nullable: true, description: 'Greater than.' })
  gt?: number;

  @Field(() => Float, { nullable: true, description: 'Greater than or equal to.' })
  gte?: number;

  @Field(() => Float, { nullable: true, description: 'Less than.' })
  lt?: number;

  @Field(() => Float, { nullable: true, description: 'Less than or equal to.' })
  lte?: number;
}

@InputType({ description: 'Whether the progress report of a period has an update on the task (已报送 / 未报送).' })
export class ReportedFilter {
  @Field({ description: 'Reporting period (2024-Q1; 上半年 is Q2, 全年 is Q4).' })
  period: string;

  @Field({ description: 'true: the report covers the task; false: it does not (including when no report of that period exists).' })
  is: boolean;
}

