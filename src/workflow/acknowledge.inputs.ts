import { Field, ID, InputType } from 'type-graphql';

@InputType('AcknowledgeTaskInput', { description: 'Sign for a task for your unit (签收).' })
export class AcknowledgeTaskInput {
  @Field(() => ID, { description: 'The task (Task.id).' })
  task: string;

  @Field(() => String, { nullable: true, description: 'A remark with the receipt (备注), at most 2,000 characters.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Optional: a key of your choosing (1–200 characters). Sending the same key and input again returns the first answer instead of acting twice.' })
  idempotencyKey?: string | null;
}
