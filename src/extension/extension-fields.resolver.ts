import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { loadTask } from '../task/task.loaders';
import { TaskModel } from '../task/task.type';
import { loadUnit } from '../unit/unit.loaders';
import { UnitModel } from '../unit/unit.type';
import { ExtensionRequestModel } from './extension-request.type';
import { loadExtensionRequestsOfTask } from './extension.loaders';

@Resolver(() => ExtensionRequestModel)
export class ExtensionRequestFieldsResolver {
  @FieldResolver(() => TaskModel, { description: 'The task whose deadline the request would move.' })
  task(@Root() request: ExtensionRequestModel, @Ctx() ctx: RequestContext): Promise<TaskModel> {
    return loadTask(ctx, request.taskId);
  }

  @FieldResolver(() => UnitModel, { description: 'The unit that asked (申请单位), a lead unit of the task.' })
  unit(@Root() request: ExtensionRequestModel, @Ctx() ctx: RequestContext): Promise<UnitModel> {
    return loadUnit(ctx, request.unitId);
  }
}

@Resolver(() => TaskModel)
export class TaskExtensionRequestsResolver {
  @FieldResolver(() => [ExtensionRequestModel], { description: 'Extension requests for the task (延期申请), oldest first, whatever their state (accounts only).' })
  extensionRequests(@Root() task: TaskModel, @Ctx() ctx: RequestContext): Promise<ExtensionRequestModel[]> {
    return loadExtensionRequestsOfTask(ctx, task.dbId);
  }
}
