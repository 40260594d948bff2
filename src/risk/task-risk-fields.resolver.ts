import { Arg, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { TaskModel } from '../task/task.type';
import { TaskDueModel } from '../task/due.type';
import { loadDue } from '../task/due.loaders';
import { checkIsoDate } from './iso-date';
import { assessRisk, expectedPercent } from './risk-rules';
import { loadRiskInput } from './risk.loaders';
import { TaskRiskModel } from './risk.type';

const AS_OF = 'Date to judge at, ISO 8601 (2024-06-30). Default: the date of the newest progress report of the task’s plan (else the plan’s own date), so answers on old documents make sense.';

@Resolver(() => TaskModel)
export class TaskRiskFieldsResolver {
  @FieldResolver(() => TaskDueModel, { description: 'Deadline (完成时限): the date the task’s own text sets (6月底前, 上半年, 三季度 …), else 31 December of the plan’s year; `source` says which.' })
  due(@Root() task: TaskModel, @Ctx() ctx: RequestContext): Promise<TaskDueModel> {
    return loadDue(ctx, task.dbId);
  }

  @FieldResolver(() => Float, { description: '序时进度: the share (0–100) of the time from 1 January of the plan’s year to the deadline that has passed at `asOf`.' })
  async expectedPercent(
    @Root() task: TaskModel,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF }) asOf?: string | null,
  ): Promise<number> {
    const input = await loadRiskInput(ctx, task.dbId, checkIsoDate(asOf, 'asOf'));
    return expectedPercent(input.planYear, input.due, input.asOf);
  }

  @FieldResolver(() => TaskRiskModel, { description: 'Supervision light (红黄绿灯) at `asOf`, with every rule that fired (see RiskRule for the rules, in order).' })
  async risk(
    @Root() task: TaskModel,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF }) asOf?: string | null,
  ): Promise<TaskRiskModel> {
    const verdict = assessRisk(await loadRiskInput(ctx, task.dbId, checkIsoDate(asOf, 'asOf')));
    return Object.assign(new TaskRiskModel(), verdict);
  }
}
