import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import type { Page } from '../graphql/pagination';
import { PlanModel } from '../plan/plan.type';
import { loadPlan } from '../plan/plan.loaders';
import { CategoryModel } from './category.type';
import { TaskConnection } from './task-connection.type';
import { TaskConnectionArgs } from './task.inputs';
import { scopedTaskPage } from './task-pages';
import type { TaskModel } from './task.type';

@Resolver(() => CategoryModel)
export class CategoryFieldsResolver {
  @FieldResolver(() => PlanModel, { description: 'The plan the heading belongs to.' })
  plan(@Root() category: CategoryModel, @Ctx() ctx: RequestContext): Promise<PlanModel> {
    return loadPlan(ctx, category.planId);
  }

  @FieldResolver(() => TaskConnection, { description: 'Key tasks under this heading.' })
  tasks(@Root() category: CategoryModel, @Args() args: TaskConnectionArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Page<TaskModel>> {
    return scopedTaskPage(ctx, { kind: 'category' }, category.dbId, args, info);
  }
}
