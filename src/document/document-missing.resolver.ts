import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DocumentKind } from './document-kind';
import { DocumentModel } from './document.type';
import type { RequestContext } from '../graphql/context';
import { TaskModel } from '../task/task.type';
import { loadMissingTasks } from '../progress/missing-tasks.loaders';

@Resolver(() => DocumentModel)
export class DocumentMissingTasksResolver {
  @FieldResolver(() => [TaskModel], {
    nullable: true,
    description: 'For a progress report: the tasks of its plan it has no row for (未报送), in document order. Null for a plan.',
  })
  missingTasks(@Root() document: DocumentModel, @Ctx() ctx: RequestContext): Promise<TaskModel[]> | null {
    return document.kind === DocumentKind.PROGRESS_REPORT ? loadMissingTasks(ctx, document.dbId) : null;
  }
}
