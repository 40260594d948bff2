import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { DocumentModel } from '../document/document.type';
import { loadDocumentsOfPlan } from '../document/document.loaders';
import type { RequestContext } from '../graphql/context';
import type { Page } from '../graphql/pagination';
import { CategoryModel } from '../task/category.type';
import { loadCategoriesOfPlan } from '../task/task.loaders';
import { TaskConnection } from '../task/task-connection.type';
import { TaskConnectionArgs } from '../task/task.inputs';
import { scopedTaskPage } from '../task/task-pages';
import type { TaskModel } from '../task/task.type';
import { allPlans } from './plan.loaders';
import { PlanModel } from './plan.type';

@Resolver(() => PlanModel)
export class PlanResolver {
  @Query(() => [PlanModel], { description: 'Every plan (jurisdiction and year), oldest first.' })
  plans(@Ctx() ctx: RequestContext): Promise<PlanModel[]> {
    return allPlans(ctx);
  }

  @FieldResolver(() => [DocumentModel], { description: 'Documents imported for this plan: the task breakdown and the progress reports.' })
  documents(@Root() plan: PlanModel, @Ctx() ctx: RequestContext): Promise<DocumentModel[]> {
    return loadDocumentsOfPlan(ctx, plan.dbId);
  }

  @FieldResolver(() => [CategoryModel], { description: 'Work headings (工作任务) of the key tasks, in document order.' })
  categories(@Root() plan: PlanModel, @Ctx() ctx: RequestContext): Promise<CategoryModel[]> {
    return loadCategoriesOfPlan(ctx, plan.dbId);
  }

  @FieldResolver(() => TaskConnection, { description: 'Tasks of this plan.' })
  tasks(@Root() plan: PlanModel, @Args() args: TaskConnectionArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Page<TaskModel>> {
    return scopedTaskPage(ctx, { kind: 'plan' }, plan.dbId, args, info);
  }
}
