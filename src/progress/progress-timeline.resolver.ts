import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { TaskModel } from '../task/task.type';
import { ProgressChangeModel } from './progress-change.type';
import { ProgressUpdateModel } from './progress-update.type';
import { loadProgressOfTask } from './progress.loaders';

/** The timeline side of a task: newest update, whether a period reported it. */
@Resolver(() => TaskModel)
export class TaskTimelineFieldsResolver {
  @FieldResolver(() => ProgressUpdateModel, { nullable: true, description: 'The newest progress update (最新进展), by period; null when no report covers the task.' })
  async latestProgress(@Root() task: TaskModel, @Ctx() ctx: RequestContext): Promise<ProgressUpdateModel | null> {
    return (await loadProgressOfTask(ctx, task.dbId)).at(-1) ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the progress report of `period` (2024-Q2) has an update on this task (已报送).' })
  async reported(
    @Root() task: TaskModel,
    @Ctx() ctx: RequestContext,
    @Arg('period', { description: 'Reporting period, as in ProgressUpdate.period (2024-Q1; 上半年 is Q2, 全年 is Q4).' }) period: string,
  ): Promise<boolean> {
    return (await loadProgressOfTask(ctx, task.dbId)).some((u) => u.period === period);
  }
}

/** The change of an update since the task's previous one, read from the same batched timeline. */
@Resolver(() => ProgressUpdateModel)
export class ProgressChangeFieldsResolver {
  @FieldResolver(() => ProgressChangeModel, { nullable: true, description: 'Change since the task’s previous update (较上期变化); null for its first update.' })
  async change(@Root() update: ProgressUpdateModel, @Ctx() ctx: RequestContext): Promise<ProgressChangeModel | null> {
    const timeline = await loadProgressOfTask(ctx, update.taskId);
    const at = timeline.findIndex((u) => u.dbId === update.dbId);
    const previous = at > 0 ? timeline[at - 1] : null;
    if (!previous) return null;
    return Object.assign(new ProgressChangeModel(), {
      sincePeriod: previous.period,
      statusFrom: previous.status,
      statusChanged: previous.status !== update.status,
      percentFrom: previous.percent,
      percentDelta: previous.percent != null && update.percent != null ? Math.round((update.percent - previous.percent) * 10) / 10 : null,
    });
  }
}
