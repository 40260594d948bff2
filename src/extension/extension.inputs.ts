import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ConnectionArgs } from '../graphql/pagination';
import { ExtensionState } from './extension-state';

const KEY = 'Optional: a key of your choosing (1–200 characters). Sending the same key and input again returns the first answer instead of acting twice.';
const VERSION = 'The `version` of the request you read (ExtensionRequest.version); if it changed since, nothing is done (STALE_VERSION). Omit it to act on whatever version is current.';

@InputType('RequestExtensionInput', { description: 'Ask for a task’s deadline to be moved (延期申请), for your unit, on or before the deadline.' })
export class RequestExtensionInput {
  @Field(() => ID, { description: 'The task (Task.id); your unit must lead it (牵头单位).' })
  task: string;

  @Field(() => DateResolver, { description: 'The deadline asked for (申请延期至), after the task’s current one (Task.due.date).' })
  newDue: Date;

  @Field({ description: 'Why more time is needed (延期理由): not empty, at most 2,000 characters.' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'What is done so far (当前进展), at most 2,000 characters.' })
  progress?: string | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType('ApproveExtensionInput', { description: 'Grant an extension request (延期审批: 同意), fixing the new deadline.' })
export class ApproveExtensionInput {
  @Field(() => ID, { description: 'The request (ExtensionRequest.id).' })
  request: string;

  @Field(() => DateResolver, { nullable: true, description: 'The deadline the office fixes (批准延期至); default the requested date. Must be after the task’s current deadline.' })
  due?: Date | null;

  @Field(() => String, { nullable: true, description: 'The office’s comment (审批意见), at most 2,000 characters.' })
  comment?: string | null;

  @Field(() => Int, { nullable: true, description: VERSION })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType('RefuseExtensionInput', { description: 'Decline an extension request (延期审批: 不予同意), saying why.' })
export class RefuseExtensionInput {
  @Field(() => ID, { description: 'The request (ExtensionRequest.id).' })
  request: string;

  @Field({ description: 'Why not (审批意见): not empty, at most 2,000 characters.' })
  comment: string;

  @Field(() => Int, { nullable: true, description: VERSION })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType('WithdrawExtensionInput', { description: 'Take back your unit’s pending extension request (撤回).' })
export class WithdrawExtensionInput {
  @Field(() => ID, { description: 'The request (ExtensionRequest.id).' })
  request: string;

  @Field(() => String, { nullable: true, description: 'Why (备注), at most 2,000 characters.' })
  comment?: string | null;

  @Field(() => Int, { nullable: true, description: VERSION })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: KEY })
  idempotencyKey?: string | null;
}

@InputType('ExtensionRequestWhere', { description: 'Which extension requests (延期申请): every condition given must hold.' })
export class ExtensionRequestWhere {
  @Field(() => ExtensionState, { nullable: true, description: 'In this state (PENDING: 待审批, what the office has to answer).' })
  state?: ExtensionState | null;

  @Field(() => [ExtensionState], { nullable: true, description: 'In one of these states.' })
  stateIn?: ExtensionState[] | null;

  @Field(() => ID, { nullable: true, description: 'Of this task (Task.id).' })
  task?: string | null;

  @Field(() => ID, { nullable: true, description: 'Asked by this unit (Unit.id).' })
  unit?: string | null;
}

@ArgsType()
export class ExtensionRequestsArgs extends ConnectionArgs {
  @Field(() => ExtensionRequestWhere, { nullable: true, description: 'Filter; oldest request first, so the longest-waiting comes first.' })
  where?: ExtensionRequestWhere | null;
}
