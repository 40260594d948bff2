import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import type { Page } from '../graphql/pagination';
import { TaskConnection } from './task-connection.type';
import { TaskConnectionArgs } from './task.inputs';
import { taskPage } from './task-pages';
import type { TaskModel } from './task.type';

@Resolver()
export class TaskQueryResolver {
  @Query(() => TaskConnection, {
    description:
      'Tasks of every plan, filtered and paginated. Example — all tasks where 区经济信息委 is a co-unit under 凌健: ' +
      'tasks(where: { coUnits: { some: { name: { eq: "区经济信息委" } } }, leaders: { some: { name: { eq: "凌健" } } } }).',
  })
  tasks(@Args() args: TaskConnectionArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Page<TaskModel>> {
    return taskPage(ctx, args, info);
  }
}
