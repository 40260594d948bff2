import { Field, InputType, Int } from 'type-graphql';

@InputType('CreateWebhookInput', { description: 'Register an endpoint that receives events (README “Webhooks”).' })
export class CreateWebhookInput {
  @Field({ description: 'Where to POST each event: an http(s) URL.' })
  url: string;

  @Field(() => [String], { nullable: true, description: 'Only these event types (`acknowledgeTask`, `importDocument` …); every type when empty or omitted.' })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Send the same key again to get the first answer instead of a second endpoint (1–200 characters).' })
  idempotencyKey?: string | null;
}

@InputType('UpdateWebhookInput', { description: 'Change an endpoint: what is given changes, the rest stays.' })
export class UpdateWebhookInput {
  @Field(() => Int, { description: 'The endpoint (Webhook.id).' })
  id: number;

  @Field(() => Int, { description: 'The version you read (Webhook.version): a change made meanwhile is STALE_VERSION.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'A new URL.' })
  url?: string | null;

  @Field(() => [String], { nullable: true, description: 'A new filter (empty: every type).' })
  eventTypes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'false pauses deliveries (events meanwhile are not delivered later); true resumes.' })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key (1–200 characters).' })
  idempotencyKey?: string | null;
}

@InputType('DeleteWebhookInput', { description: 'Remove an endpoint: no more deliveries; its past deliveries stay visible.' })
export class DeleteWebhookInput {
  @Field(() => Int, { description: 'The endpoint (Webhook.id).' })
  id: number;

  @Field(() => String, { nullable: true, description: 'Idempotency key (1–200 characters).' })
  idempotencyKey?: string | null;
}

@InputType('ReplayWebhookDeliveryInput', { description: 'Send a dead-lettered delivery again, with a fresh series of tries.' })
export class ReplayWebhookDeliveryInput {
  @Field(() => Int, { description: 'The delivery (WebhookDelivery.id).' })
  delivery: number;

  @Field(() => String, { nullable: true, description: 'Idempotency key (1–200 characters).' })
  idempotencyKey?: string | null;
}
