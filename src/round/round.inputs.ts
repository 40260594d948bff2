import { Field, ID, InputType, Int } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { ProgressStatus } from '../progress/progress-status';

const KEY = 'Optional: a key of your choosing (1–200 characters). Sending the same key and input again returns the first answer instead of acting twice.';
const VERSION = 'The version you read (ProgressReport.version); a stale one is refused with STALE_VERSION. Omit it to act on whatever version is current.';
const TEXT = 'The progress text (进展情况), 1 to 10,000 characters; status and percent are read from it as from imported reports.';

@InputType('OpenRoundInput', { description: 'Open a reporting round (报送轮次) of a plan for one period.' })
export class OpenRoundInput {
  @Field(() => ID, { description: 'The plan (Plan.id).' })
  plan: string;

  @Field({ description: 'The period: 2024-Q1 … 2024-Q4 of the plan’s year, or 一季度, 上半年, 前三季度, 全年.' })
  period: string;

  @Field(() => DateResolver, { nullable: true, description: 'From when units may report (default today).' })
  opensOn?: Date | null;

  @Field(() => DateResolver, { description: 'When reports are due (报送时限).' })
  dueOn: Date;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType('SaveProgressDraftInput', { description: 'Save a task’s progress report in a round as a draft (草稿), to edit later.' })
export class SaveProgressDraftInput {
  @Field(() => ID, { description: 'The round (Round.id).' })
  round: string;

  @Field(() => ID, { description: 'The task (Task.id); your unit must lead it (牵头单位).' })
  task: string;

  @Field({ description: TEXT })
  text: string;

  @Field(() => Int, { nullable: true, description: 'Percent done (0–100) as your unit states it: a correction of the one read from the text, recorded beside it.' })
  percent?: number | null;

  @Field(() => ProgressStatus, { nullable: true, description: 'Status as your unit states it: a correction of the derived one, recorded beside it.' })
  status?: ProgressStatus | null;

  @Field(() => String, { nullable: true, description: 'A reference to an attachment (附件: a file number or link), at most 500 characters; null clears it.' })
  attachment?: string | null;

  @Field(() => Int, { nullable: true, description: VERSION })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType('SubmitProgressInput', { description: 'Submit a task’s progress report in a round (报送); it is then locked until the office returns it.' })
export class SubmitProgressInput {
  @Field(() => ID, { description: 'The round (Round.id).' })
  round: string;

  @Field(() => ID, { description: 'The task (Task.id); your unit must lead it (牵头单位).' })
  task: string;

  @Field(() => String, { nullable: true, description: `${TEXT} Omit it to submit the saved draft as it is.` })
  text?: string | null;

  @Field(() => Int, { nullable: true, description: 'Percent done (0–100) as your unit states it: a correction of the one read from the text, recorded beside it.' })
  percent?: number | null;

  @Field(() => ProgressStatus, { nullable: true, description: 'Status as your unit states it: a correction of the derived one, recorded beside it.' })
  status?: ProgressStatus | null;

  @Field(() => String, { nullable: true, description: 'A reference to an attachment (附件: a file number or link), at most 500 characters.' })
  attachment?: string | null;

  @Field(() => Int, { nullable: true, description: VERSION })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType('ContributeProgressInput', { description: 'Add your co-unit’s part (配合单位推进情况) to a task’s report in a round.' })
export class ContributeProgressInput {
  @Field(() => ID, { description: 'The round (Round.id).' })
  round: string;

  @Field(() => ID, { description: 'The task (Task.id); your unit must be a co-unit (配合单位).' })
  task: string;

  @Field({ description: 'What your unit did, 1 to 10,000 characters; sending it again replaces your earlier text.' })
  text: string;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType('AcceptReportInput', { description: 'Accept a submitted report (采纳): it becomes the task’s progress for the period.' })
export class AcceptReportInput {
  @Field(() => ID, { description: 'The report (ProgressReport.id).' })
  report: string;

  @Field(() => String, { nullable: true, description: 'A review comment (审核意见), at most 2,000 characters.' })
  comment?: string | null;

  @Field(() => Int, { nullable: true, description: VERSION })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType('ReturnReportInput', { description: 'Return a submitted report to its unit (退回) with the reason; it must be resubmitted.' })
export class ReturnReportInput {
  @Field(() => ID, { description: 'The report (ProgressReport.id).' })
  report: string;

  @Field({ description: 'Why it goes back (退回原因), 1 to 2,000 characters.' })
  comment: string;

  @Field(() => Int, { nullable: true, description: VERSION })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}
