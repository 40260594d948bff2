import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('CloseTaskInput', { description: 'Close a task (办结/销号), with a reason.' })
export class CloseTaskInput {
  @Field(() => ID, { description: 'The task (Task.id).' })
  task: string;

  @Field({ description: 'Why it is done (办结理由): not empty, at most 2,000 characters.' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Task.closure.version as you read it (0 for a task never closed); if it changed since, nothing is done (STALE_VERSION).' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Optional: a key of your choosing (1–200 characters). Sending the same key and input again returns the first answer instead of acting twice.' })
  idempotencyKey?: string | null;
}

@InputType('ReopenTaskInput', { description: 'Reopen a closed task (重新打开), with a reason.' })
export class ReopenTaskInput {
  @Field(() => ID, { description: 'The task (Task.id).' })
  task: string;

  @Field({ description: 'Why it goes back on the list: not empty, at most 2,000 characters.' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Task.closure.version as you read it; if it changed since, nothing is done (STALE_VERSION).' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Optional: a key of your choosing (1–200 characters). Sending the same key and input again returns the first answer instead of acting twice.' })
  idempotencyKey?: string | null;
}
