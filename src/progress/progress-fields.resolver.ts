import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DocumentModel } from '../document/document.type';
import { loadDocument } from '../document/document.loaders';
import type { RequestContext } from '../graphql/context';
import { TaskModel } from '../task/task.type';
import { loadTask } from '../task/task.loaders';
import { ProgressUpdateModel } from './progress-update.type';

@Resolver(() => ProgressUpdateModel)
export class ProgressFieldsResolver {
  @FieldResolver(() => TaskModel, { description: 'The task reported on.' })
  task(@Root() update: ProgressUpdateModel, @Ctx() ctx: RequestContext): Promise<TaskModel> {
    return loadTask(ctx, update.taskId);
  }

  @FieldResolver(() => DocumentModel, {
    nullable: true,
    description: 'The imported progress report (推进情况报告) that covers the task for this period; null when only a unit’s report accepted in a round did.',
  })
  document(@Root() update: ProgressUpdateModel, @Ctx() ctx: RequestContext): Promise<DocumentModel> | null {
    return update.documentId == null ? null : loadDocument(ctx, update.documentId);
  }
}
