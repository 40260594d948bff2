import { Arg, Ctx, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { idOf } from '../graphql/id-input';
import { MutationPayload } from '../mutation/payload.type';
import { contributeProgress } from './contribute.mutation';
import { openRound } from './open-round.mutation';
import { reviewReport } from './review-report.mutation';
import { AcceptReportInput, ContributeProgressInput, OpenRoundInput, ReturnReportInput, SaveProgressDraftInput, SubmitProgressInput } from './round.inputs';
import { listRounds, primeReport } from './round.loaders';
import type { ReportPayload } from './write-report.mutation';
import { ROUND_SELECT, type RoundRow } from './round-row';
import { RoundModel } from './round.type';
import { writeReport } from './write-report.mutation';

@ObjectType('OpenRoundPayload', { description: 'The answer to openRound.' })
export class OpenRoundPayload extends MutationPayload {
  roundId: number | null;
}

@ObjectType('ProgressReportPayload', { description: 'The answer to saveProgressDraft, submitProgress, acceptReport and returnReport.' })
export class ProgressReportPayload extends MutationPayload {
  reportId: number | null;
}

@ObjectType('ContributeProgressPayload', { description: 'The answer to contributeProgress.' })
export class ContributeProgressPayload extends MutationPayload {
  contributionId: number | null;
  roundId: number | null;
  taskId: number | null;
}

const INPUT = { description: 'What to do (one input object, Relay style).' };

/** The Date scalar (graphql-scalars, shared with the extensions) parses to a JS Date at UTC midnight; the rounds keep calendar days. */
const isoDate = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);

function answer(ctx: RequestContext, { row, ...payload }: ReportPayload): ProgressReportPayload {
  if (row) primeReport(ctx, row);
  return Object.assign(new ProgressReportPayload(), payload);
}

@Resolver()
export class RoundResolver {
  @Query(() => [RoundModel], { description: 'Reporting rounds (报送轮次), newest period first; of one plan when `plan` is given.' })
  rounds(@Arg('plan', () => ID, { nullable: true, description: 'Only this plan’s rounds (Plan.id).' }) plan: string | null, @Ctx() ctx: RequestContext): Promise<RoundModel[]> {
    return listRounds(ctx, plan == null ? null : idOf('Plan', plan, 'plan'));
  }

  @Query(() => RoundModel, { nullable: true, description: 'One reporting round by id; null when there is none.' })
  async round(@Arg('id', () => ID, { description: 'Round.id' }) id: string, @Ctx() ctx: RequestContext): Promise<RoundModel | null> {
    const [row] = await ctx.query<RoundRow>(`${ROUND_SELECT} WHERE id = $1`, [idOf('Round', id, 'id')]);
    return row ? RoundModel.fromRow(row) : null;
  }

  @Mutation(() => OpenRoundPayload, { description: 'Opens a reporting round (报送轮次) of a plan for a period: OFFICE accounts of the plan’s district, ADMIN.' })
  async openRound(@Arg('input', () => OpenRoundInput, INPUT) input: OpenRoundInput, @Ctx() ctx: RequestContext): Promise<OpenRoundPayload> {
    const payload = await openRound(ctx, { planId: idOf('Plan', input.plan, 'plan'), period: input.period, opensOn: isoDate(input.opensOn), dueOn: isoDate(input.dueOn)!, idempotencyKey: input.idempotencyKey });
    return Object.assign(new OpenRoundPayload(), payload);
  }

  @Mutation(() => ProgressReportPayload, { description: 'Saves a task’s report in a round as a draft (草稿): UNIT accounts, for tasks their unit leads.' })
  async saveProgressDraft(@Arg('input', () => SaveProgressDraftInput, INPUT) input: SaveProgressDraftInput, @Ctx() ctx: RequestContext): Promise<ProgressReportPayload> {
    const payload = await writeReport(ctx, 'save', { ...input, roundId: idOf('Round', input.round, 'round'), taskId: idOf('Task', input.task, 'task') });
    return answer(ctx, payload);
  }

  @Mutation(() => ProgressReportPayload, { description: 'Submits a task’s report in a round (报送), with or without a draft before: UNIT accounts, for tasks their unit leads.' })
  async submitProgress(@Arg('input', () => SubmitProgressInput, INPUT) input: SubmitProgressInput, @Ctx() ctx: RequestContext): Promise<ProgressReportPayload> {
    const payload = await writeReport(ctx, 'submit', { ...input, roundId: idOf('Round', input.round, 'round'), taskId: idOf('Task', input.task, 'task') });
    return answer(ctx, payload);
  }

  @Mutation(() => ContributeProgressPayload, { description: 'Adds a co-unit’s part to a task’s report in a round (配合单位推进情况): UNIT accounts, for tasks their unit co-operates on.' })
  async contributeProgress(@Arg('input', () => ContributeProgressInput, INPUT) input: ContributeProgressInput, @Ctx() ctx: RequestContext): Promise<ContributeProgressPayload> {
    const roundId = idOf('Round', input.round, 'round');
    const taskId = idOf('Task', input.task, 'task');
    const payload = await contributeProgress(ctx, { roundId, taskId, text: input.text, idempotencyKey: input.idempotencyKey });
    const done = payload.contributionId != null;
    return Object.assign(new ContributeProgressPayload(), payload, { roundId: done ? roundId : null, taskId: done ? taskId : null });
  }

  @Mutation(() => ProgressReportPayload, { description: 'Accepts a submitted report (采纳): OFFICE accounts of its district, ADMIN. It becomes the task’s progress for the period.' })
  async acceptReport(@Arg('input', () => AcceptReportInput, INPUT) input: AcceptReportInput, @Ctx() ctx: RequestContext): Promise<ProgressReportPayload> {
    const payload = await reviewReport(ctx, 'accept', { ...input, reportId: idOf('ProgressReport', input.report, 'report') });
    return Object.assign(new ProgressReportPayload(), payload);
  }

  @Mutation(() => ProgressReportPayload, { description: 'Returns a submitted report to its unit with a comment (退回): OFFICE accounts of its district, ADMIN.' })
  async returnReport(@Arg('input', () => ReturnReportInput, INPUT) input: ReturnReportInput, @Ctx() ctx: RequestContext): Promise<ProgressReportPayload> {
    const payload = await reviewReport(ctx, 'return', { ...input, reportId: idOf('ProgressReport', input.report, 'report') });
    return Object.assign(new ProgressReportPayload(), payload);
  }
}
