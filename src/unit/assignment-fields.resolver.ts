import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { TaskModel } from '../task/task.type';
import { loadTask } from '../task/task.loaders';
import { AssignmentModel } from './assignment.type';
import { UnitModel } from './unit.type';

@Resolver(() => AssignmentModel)
export class AssignmentFieldsResolver {
  @FieldResolver(() => UnitModel, { description: 'The unit (canonical name).' })
  unit(@Root() assignment: AssignmentModel): UnitModel {
    return UnitModel.fromRow(assignment.unitRow);
  }

  @FieldResolver(() => TaskModel, { description: 'The task.' })
  task(@Root() assignment: AssignmentModel, @Ctx() ctx: RequestContext): Promise<TaskModel> {
    return loadTask(ctx, assignment.taskId);
  }
}
