import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../mutation/payload.type';

export interface WebhookRow {
  id: number;
  url: string;
  event_types: string[];
  jurisdiction_id: number | null;
  installation_events: boolean;
  active: boolean;
  deleted_at: Date | null;
  version: number;
  created_at: Date;
}

export const WEBHOOK_COLUMNS = `id, url, event_types, jurisdiction_id, installation_events, active, deleted_at, version, created_at`;

@ObjectType('Webhook', { description: 'An endpoint that receives events as signed POSTs (README “Webhooks”).' })
export class WebhookModel {
  @Field(() => Int, { description: 'The endpoint’s number.' })
  id: number;

  @Field({ description: 'Where events are POSTed.' })
  url: string;

  @Field(() => [String], { description: 'The event types it receives; every type when empty.' })
  eventTypes: string[];

  @Field({ description: 'Whether deliveries are made (false: paused or deleted).' })
  active: boolean;

  @Field({ description: 'True when it also receives installation events (accounts, keys, webhooks): registered by an administrator.' })
  installationEvents: boolean;

  @Field(() => Int, { description: 'Its version, for updateWebhook’s expectedVersion.' })
  version: number;

  @Field({ description: 'When it was registered (ISO 8601).' })
  createdAt: string;

  static fromRow(row: WebhookRow): WebhookModel {
    return Object.assign(new WebhookModel(), {
      id: row.id,
      url: row.url,
      eventTypes: row.event_types,
      active: row.active && row.deleted_at === null,
      installationEvents: row.installation_events,
      version: row.version,
      createdAt: new Date(row.created_at).toISOString(),
    });
  }
}

@ObjectType('WebhookAttempt', { description: 'One try of a delivery.' })
export class WebhookAttemptModel {
  @Field(() => Int, { description: 'The try’s number (1, 2, …), counted over every series of the delivery.' })
  attempt: number;

  @Field({ description: 'The process that made it (host:pid).' })
  worker: string;

  @Field({ description: 'When the request went out (ISO 8601).' })
  startedAt: string;

  @Field(() => String, { nullable: true, description: 'When the answer (or the failure) came; null while under way.' })
  finishedAt: string | null;

  @Field(() => Int, { nullable: true, description: 'The receiver’s HTTP status, if it answered.' })
  statusCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed (HTTP status, timeout, connection refused, interrupted), or null.' })
  error: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One event for one endpoint, with its tries: PENDING, RETRYING, DELIVERED or DEAD (dead-lettered).' })
export class WebhookDeliveryModel {
  @Field(() => Int, { description: 'The delivery’s number (the receiver gets it as `X-Duban-Delivery` and `delivery`).' })
  id: number;

  @Field(() => Int, { description: 'The endpoint (Webhook.id).' })
  webhook: number;

  @Field(() => Int, { description: 'The event’s number (Event.number).' })
  event: number;

  @Field({ description: 'PENDING (not tried yet), RETRYING (failed, tries left), DELIVERED (a 2xx answer) or DEAD (every try failed; replayWebhookDelivery sends it again).' })
  state: string;

  @Field(() => String, { nullable: true, description: 'When the next try is due, while RETRYING.' })
  nextAttemptAt: string | null;

  @Field(() => [WebhookAttemptModel], { description: 'Every try, first first.' })
  attempts: WebhookAttemptModel[];
}

@ObjectType('WebhookPayload', { description: 'The answer to createWebhook, updateWebhook and deleteWebhook.' })
export class WebhookPayload extends MutationPayload {
  @Field(() => WebhookModel, { nullable: true, description: 'The endpoint; null when refused.' })
  webhook: WebhookModel | null;

  @Field(() => String, { nullable: true, description: 'createWebhook only: the signing secret, shown once (a replay answers null). Keep it to verify signatures.' })
  secret: string | null;
}

@ObjectType('WebhookDeliveryPayload', { description: 'The answer to replayWebhookDelivery.' })
export class WebhookDeliveryPayload extends MutationPayload {
  @Field(() => Int, { nullable: true, description: 'The delivery queued again; null when refused.' })
  delivery: number | null;
}
