import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { idOf } from '../graphql/id-input';
import { loadPlan } from '../plan/plan.loaders';
import { PlanModel } from '../plan/plan.type';
import { ProgressUpdateModel } from '../progress/progress-update.type';
import { loadTask } from '../task/task.loaders';
import { TaskModel } from '../task/task.type';
import { loadUnit } from '../unit/unit.loaders';
import { UnitModel } from '../unit/unit.type';
import { ContributionModel, ProgressReportModel } from './progress-report.type';
import { ReportState } from './report-state';
import { ContributeProgressPayload, OpenRoundPayload, ProgressReportPayload } from './round.resolver';
import { loadRoundMissingTasks } from './round-missing.loaders';
import { loadContributions, loadReport, loadReportsOfRound, loadRound, loadRoundCounts, loadStartingText } from './round.loaders';
import { RoundCountsModel, RoundModel } from './round.type';

@Resolver(() => RoundModel)
export class RoundFieldsResolver {
  @FieldResolver(() => PlanModel, { description: 'The plan the round asks about.' })
  plan(@Root() round: RoundModel, @Ctx() ctx: RequestContext): Promise<PlanModel> {
    return loadPlan(ctx, round.planId);
  }

  @FieldResolver(() => [ProgressReportModel], {
    description: 'The round’s reports in task order, of the given states (all when none given): SUBMITTED are those waiting for review (待审核), RETURNED those not yet resubmitted. Tasks with no report at all: `tasks(where: { roundReport: { round, state: { eq: NOT_REPORTED } } })`.',
  })
  reports(
    @Root() round: RoundModel,
    @Ctx() ctx: RequestContext,
    @Arg('states', () => [ReportState], { nullable: true, description: 'Only reports in these states.' }) states: ReportState[] | null,
  ): Promise<ProgressReportModel[]> {
    return loadReportsOfRound(ctx, round.dbId, states);
  }

  @FieldResolver(() => [TaskModel], {
    description:
      'The tasks that owe this round a report (未报送), in document order: none written, a draft not sent, or returned (退回) and not resubmitted; closed tasks (办结) owe none. The round’s twin of Document.missingTasks.',
  })
  missingTasks(@Root() round: RoundModel, @Ctx() ctx: RequestContext): Promise<TaskModel[]> {
    return loadRoundMissingTasks(ctx, round.dbId);
  }

  @FieldResolver(() => RoundCountsModel, { description: 'How many tasks stand where (报送情况), overdue ones included.' })
  counts(@Root() round: RoundModel, @Ctx() ctx: RequestContext): Promise<RoundCountsModel> {
    return loadRoundCounts(ctx, round.dbId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The text to start a task’s report from, so nobody types the same thing twice: its progress of the latest earlier period, then the co-units’ contributions to this round (【unit】text). Null when there is neither.',
  })
  startingText(@Root() round: RoundModel, @Arg('task', () => ID, { description: 'Task.id' }) task: string, @Ctx() ctx: RequestContext): Promise<string | null> {
    return loadStartingText(ctx, round.dbId, idOf('Task', task, 'task'));
  }
}

@Resolver(() => ProgressReportModel)
export class ProgressReportFieldsResolver {
  @FieldResolver(() => RoundModel, { description: 'The round (报送轮次).' })
  round(@Root() report: ProgressReportModel, @Ctx() ctx: RequestContext): Promise<RoundModel> {
    return loadRound(ctx, report.roundId);
  }

  @FieldResolver(() => TaskModel, { description: 'The task reported on.' })
  task(@Root() report: ProgressReportModel, @Ctx() ctx: RequestContext): Promise<TaskModel> {
    return loadTask(ctx, report.taskId);
  }

  @FieldResolver(() => UnitModel, { description: 'The lead unit that wrote it (牵头单位).' })
  unit(@Root() report: ProgressReportModel, @Ctx() ctx: RequestContext): Promise<UnitModel> {
    return loadUnit(ctx, report.unitId);
  }

  @FieldResolver(() => [ContributionModel], { description: 'The co-units’ contributions (配合单位推进情况) to this task in this round.' })
  contributions(@Root() report: ProgressReportModel, @Ctx() ctx: RequestContext): Promise<ContributionModel[]> {
    return loadContributions(ctx, report.roundId, report.taskId);
  }
}

@Resolver(() => ContributionModel)
export class ContributionFieldsResolver {
  @FieldResolver(() => UnitModel, { description: 'The co-unit (配合单位).' })
  unit(@Root() contribution: ContributionModel, @Ctx() ctx: RequestContext): Promise<UnitModel> {
    return loadUnit(ctx, contribution.unitId);
  }
}

@Resolver(() => ProgressUpdateModel)
export class ProgressUpdateReportResolver {
  @FieldResolver(() => ProgressReportModel, { nullable: true, description: 'The unit’s report accepted in a round whose text this is; null when the text is an imported document’s.' })
  report(@Root() update: ProgressUpdateModel, @Ctx() ctx: RequestContext): Promise<ProgressReportModel> | null {
    return update.reportId == null ? null : loadReport(ctx, update.reportId);
  }
}

@Resolver(() => OpenRoundPayload)
export class OpenRoundPayloadFieldsResolver {
  @FieldResolver(() => RoundModel, { nullable: true, description: 'The round opened; null when refused.' })
  round(@Root() payload: OpenRoundPayload, @Ctx() ctx: RequestContext): Promise<RoundModel> | null {
    return payload.roundId == null ? null : loadRound(ctx, payload.roundId);
  }
}

@Resolver(() => ProgressReportPayload)
export class ProgressReportPayloadFieldsResolver {
  @FieldResolver(() => ProgressReportModel, { nullable: true, description: 'The report as it now stands; null when refused.' })
  report(@Root() payload: ProgressReportPayload, @Ctx() ctx: RequestContext): Promise<ProgressReportModel> | null {
    return payload.reportId == null ? null : loadReport(ctx, payload.reportId);
  }
}

@Resolver(() => ContributeProgressPayload)
export class ContributeProgressPayloadFieldsResolver {
  @FieldResolver(() => [ContributionModel], { nullable: true, description: 'Every contribution to the task in the round, yours included; null when refused.' })
  contributions(@Root() payload: ContributeProgressPayload, @Ctx() ctx: RequestContext): Promise<ContributionModel[]> | null {
    return payload.roundId == null || payload.taskId == null ? null : loadContributions(ctx, payload.roundId, payload.taskId);
  }
}
