import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { idOf } from '../graphql/id-input';
import { MutationPayload } from '../mutation/payload.type';
import { loadTask } from '../task/task.loaders';
import { TaskModel } from '../task/task.type';
import { approveExtension, refuseExtension } from './decide-extension.mutation';
import type { ExtensionPayload } from './extension-payload';
import { ExtensionRequestModel } from './extension-request.type';
import { ApproveExtensionInput, RefuseExtensionInput, RequestExtensionInput, WithdrawExtensionInput } from './extension.inputs';
import { loadExtensionRequest } from './extension.loaders';
import { requestExtension } from './request-extension.mutation';
import { withdrawExtension } from './withdraw-extension.mutation';

/** The fields of every extension mutation's answer; never returned itself. */
@ObjectType('ExtensionPayload')
abstract class ExtensionPayloadFields extends MutationPayload {
  @Field(() => ExtensionRequestModel, { nullable: true, description: 'The request (延期申请) as it stands now; null when refused.' })
  extensionRequest: ExtensionRequestModel | null;

  @Field(() => TaskModel, { nullable: true, description: 'Its task, whose `due` reads an approved extension; null when refused.' })
  task: TaskModel | null;
}

@ObjectType('RequestExtensionPayload', { description: 'The answer to requestExtension.' })
export class RequestExtensionPayload extends ExtensionPayloadFields {}
@ObjectType('ApproveExtensionPayload', { description: 'The answer to approveExtension.' })
export class ApproveExtensionPayload extends ExtensionPayloadFields {}
@ObjectType('RefuseExtensionPayload', { description: 'The answer to refuseExtension.' })
export class RefuseExtensionPayload extends ExtensionPayloadFields {}
@ObjectType('WithdrawExtensionPayload', { description: 'The answer to withdrawExtension.' })
export class WithdrawExtensionPayload extends ExtensionPayloadFields {}

/** The objects are loaded after the transaction committed, so a replay shows them as they are now. */
async function answer<T extends ExtensionPayloadFields>(ctx: RequestContext, into: T, payload: ExtensionPayload): Promise<T> {
  return Object.assign(into, {
    userErrors: payload.userErrors,
    replayed: payload.replayed,
    extensionRequest: payload.extensionRequestId == null ? null : await loadExtensionRequest(ctx, payload.extensionRequestId),
    task: payload.taskId == null ? null : await loadTask(ctx, payload.taskId),
  });
}

const isoDate = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);
const INPUT = { description: 'What to do (one input object, Relay style).' };

@Resolver()
export class ExtensionMutationResolver {
  @Mutation(() => RequestExtensionPayload, { description: 'Asks for a task’s deadline to be moved (延期申请): UNIT accounts, for tasks their unit leads, on or before the deadline.' })
  async requestExtension(@Arg('input', () => RequestExtensionInput, INPUT) input: RequestExtensionInput, @Ctx() ctx: RequestContext): Promise<RequestExtensionPayload> {
    const payload = await requestExtension(ctx, {
      taskId: idOf('Task', input.task, 'task'),
      newDue: isoDate(input.newDue)!,
      reason: input.reason,
      progress: input.progress,
      idempotencyKey: input.idempotencyKey,
    });
    return answer(ctx, new RequestExtensionPayload(), payload);
  }

  @Mutation(() => ApproveExtensionPayload, { description: 'Grants a pending extension request (延期审批), fixing the new deadline: OFFICE of the task’s district, ADMIN.' })
  async approveExtension(@Arg('input', () => ApproveExtensionInput, INPUT) input: ApproveExtensionInput, @Ctx() ctx: RequestContext): Promise<ApproveExtensionPayload> {
    const payload = await approveExtension(ctx, {
      requestId: idOf('ExtensionRequest', input.request, 'request'),
      due: isoDate(input.due),
      comment: input.comment,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey,
    });
    return answer(ctx, new ApproveExtensionPayload(), payload);
  }

  @Mutation(() => RefuseExtensionPayload, { description: 'Declines a pending extension request with a comment (不予同意): OFFICE of the task’s district, ADMIN.' })
  async refuseExtension(@Arg('input', () => RefuseExtensionInput, INPUT) input: RefuseExtensionInput, @Ctx() ctx: RequestContext): Promise<RefuseExtensionPayload> {
    const payload = await refuseExtension(ctx, {
      requestId: idOf('ExtensionRequest', input.request, 'request'),
      comment: input.comment,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey,
    });
    return answer(ctx, new RefuseExtensionPayload(), payload);
  }

  @Mutation(() => WithdrawExtensionPayload, { description: 'Takes back a pending extension request (撤回): UNIT accounts of a unit leading the task.' })
  async withdrawExtension(@Arg('input', () => WithdrawExtensionInput, INPUT) input: WithdrawExtensionInput, @Ctx() ctx: RequestContext): Promise<WithdrawExtensionPayload> {
    const payload = await withdrawExtension(ctx, {
      requestId: idOf('ExtensionRequest', input.request, 'request'),
      comment: input.comment,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey,
    });
    return answer(ctx, new WithdrawExtensionPayload(), payload);
  }
}
