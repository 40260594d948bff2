import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DocumentModel } from '../document/document.type';
import { loadDocument } from '../document/document.loaders';
import type { RequestContext } from '../graphql/context';
import { LeaderModel } from '../leader/leader.type';
import { leadersOfTaskNow } from '../leader/leader.loaders';
import { PlanModel } from '../plan/plan.type';
import { loadPlan } from '../plan/plan.loaders';
import { ProgressUpdateModel } from '../progress/progress-update.type';
import { progressOfTaskNow } from '../progress/progress.loaders';
import { AssignmentModel } from '../unit/assignment.type';
import { Role } from '../unit/role';
import { UnitModel } from '../unit/unit.type';
import { assignmentsOfTaskNow } from '../unit/unit.loaders';
import { CategoryModel } from './category.type';
import { categoryNow } from './task.loaders';
import { TaskModel } from './task.type';

@Resolver(() => TaskModel)
export class TaskFieldsResolver {
  @FieldResolver(() => CategoryModel, { nullable: true, description: 'Work heading (工作任务) of a key task; null for targets and livelihood projects.' })
  category(@Root() task: TaskModel, @Ctx() ctx: RequestContext): CategoryModel | Promise<CategoryModel> | null {
    return task.categoryId === null ? null : categoryNow(ctx, task.categoryId);
  }

  @FieldResolver(() => [LeaderModel], { description: 'Responsible leaders (责任领导), in the order of the document.' })
  leaders(@Root() task: TaskModel, @Ctx() ctx: RequestContext): LeaderModel[] | Promise<LeaderModel[]> {
    return leadersOfTaskNow(ctx, task.dbId);
  }

  @FieldResolver(() => [UnitModel], { description: 'Lead units (牵头单位 / 责任单位), in the order of the document.' })
  leadUnits(@Root() task: TaskModel, @Ctx() ctx: RequestContext): UnitModel[] | Promise<UnitModel[]> {
    return unitsIn(assignmentsOfTaskNow(ctx, task.dbId), Role.LEAD);
  }

  @FieldResolver(() => [UnitModel], { description: 'Co-units (协同单位 / 配合单位), in the order of the document.' })
  coUnits(@Root() task: TaskModel, @Ctx() ctx: RequestContext): UnitModel[] | Promise<UnitModel[]> {
    return unitsIn(assignmentsOfTaskNow(ctx, task.dbId), Role.CO);
  }

  @FieldResolver(() => [AssignmentModel], { description: 'Every unit of the task with its role, acting-as name and spelling in the document.' })
  assignments(@Root() task: TaskModel, @Ctx() ctx: RequestContext): AssignmentModel[] | Promise<AssignmentModel[]> {
    return assignmentsOfTaskNow(ctx, task.dbId);
  }

  @FieldResolver(() => [ProgressUpdateModel], { description: 'Progress reported on the task (进展情况), oldest period first.' })
  progress(@Root() task: TaskModel, @Ctx() ctx: RequestContext): ProgressUpdateModel[] | Promise<ProgressUpdateModel[]> {
    return progressOfTaskNow(ctx, task.dbId);
  }

  @FieldResolver(() => DocumentModel, { description: 'The document that defined the task: its plan, or the first report when the year has no plan.' })
  document(@Root() task: TaskModel, @Ctx() ctx: RequestContext): Promise<DocumentModel> {
    return loadDocument(ctx, task.documentId);
  }

  @FieldResolver(() => PlanModel, { description: 'The plan (jurisdiction and year) the task belongs to.' })
  plan(@Root() task: TaskModel, @Ctx() ctx: RequestContext): Promise<PlanModel> {
    return loadPlan(ctx, task.planId);
  }
}

/**
 * The units of one role; synchronous when the assignments are (fetched with
 * the page), so the field completes without a promise.
 */
function unitsIn(assignments: AssignmentModel[] | Promise<AssignmentModel[]>, role: Role): UnitModel[] | Promise<UnitModel[]> {
  if (assignments instanceof Promise) return assignments.then((list) => unitsIn(list, role) as UnitModel[]);
  return assignments.filter((a) => a.role === role).map((a) => UnitModel.fromRow(a.unitRow));
}
