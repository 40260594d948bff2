import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { TaskStatModel } from './task-stat.type';
import { TaskStatsArgs } from './task-stats.inputs';
import { taskStats } from './task-stats.sql';

@Resolver()
export class TaskStatsQueryResolver {
  @Query(() => [TaskStatModel], {
    description:
      'Grouped counts of tasks (分类统计) in one SQL statement: count, completed, completion rate and red/yellow/green lights per group, at most 1000 groups. ' +
      'Grouping by UNIT counts a task once per unit and role, and the completion rate by unit counts lead units (牵头单位) only. ' +
      'Example — completion rate by lead unit in 2021: taskStats(where: { year: { eq: 2021 } }, groupBy: [UNIT, ROLE]).',
  })
  taskStats(@Args() args: TaskStatsArgs, @Ctx() ctx: RequestContext): Promise<TaskStatModel[]> {
    return taskStats(ctx, args);
  }
}
