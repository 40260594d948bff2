import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { idOf } from '../graphql/id-input';
import { MutationPayload } from '../mutation/payload.type';
import { loadTask } from '../task/task.loaders';
import { TaskModel } from '../task/task.type';
import { type ClosurePayload, closeTask, reopenTask } from './closure.mutation';
import { CloseTaskInput, ReopenTaskInput } from './closure.inputs';
import { loadClosure } from './closure.loaders';
import { TaskClosureModel } from './task-closure.type';

/** The fields of closeTask's and reopenTask's answers; never returned itself. */
@ObjectType('ClosurePayload')
abstract class ClosurePayloadFields extends MutationPayload {
  @Field(() => TaskModel, { nullable: true, description: 'The task, with its `closure` as it stands now; null when refused.' })
  task: TaskModel | null;
}

@ObjectType('CloseTaskPayload', { description: 'The answer to closeTask.' })
export class CloseTaskPayload extends ClosurePayloadFields {}
@ObjectType('ReopenTaskPayload', { description: 'The answer to reopenTask.' })
export class ReopenTaskPayload extends ClosurePayloadFields {}

async function answer<T extends ClosurePayloadFields>(ctx: RequestContext, into: T, payload: ClosurePayload): Promise<T> {
  return Object.assign(into, { userErrors: payload.userErrors, replayed: payload.replayed, task: payload.taskId == null ? null : await loadTask(ctx, payload.taskId) });
}

const INPUT = { description: 'What to do (one input object, Relay style).' };

@Resolver()
export class ClosureMutationResolver {
  @Mutation(() => CloseTaskPayload, { description: 'Closes a task (办结/销号) with a reason: OFFICE of the task’s district, ADMIN. Its light turns GREEN (rule CLOSED).' })
  async closeTask(@Arg('input', () => CloseTaskInput, INPUT) input: CloseTaskInput, @Ctx() ctx: RequestContext): Promise<CloseTaskPayload> {
    const payload = await closeTask(ctx, { taskId: idOf('Task', input.task, 'task'), reason: input.reason, expectedVersion: input.expectedVersion, idempotencyKey: input.idempotencyKey });
    return answer(ctx, new CloseTaskPayload(), payload);
  }

  @Mutation(() => ReopenTaskPayload, { description: 'Reopens a closed task with a reason: OFFICE of the task’s district, ADMIN. The lights judge it again.' })
  async reopenTask(@Arg('input', () => ReopenTaskInput, INPUT) input: ReopenTaskInput, @Ctx() ctx: RequestContext): Promise<ReopenTaskPayload> {
    const payload = await reopenTask(ctx, { taskId: idOf('Task', input.task, 'task'), reason: input.reason, expectedVersion: input.expectedVersion, idempotencyKey: input.idempotencyKey });
    return answer(ctx, new ReopenTaskPayload(), payload);
  }
}

@Resolver(() => TaskModel)
export class TaskClosureFieldsResolver {
  @FieldResolver(() => TaskClosureModel, { description: 'Whether the office closed the task (办结/销号), why and when; OPEN at version 0 for a task never closed.' })
  closure(@Root() task: TaskModel, @Ctx() ctx: RequestContext): Promise<TaskClosureModel> {
    return loadClosure(ctx, task.dbId);
  }
}
