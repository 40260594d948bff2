import type { EntityManager } from 'typeorm';
import type { Relation } from '../auth/policy';
import type { RequestContext } from '../graphql/context';
import type { Principal } from '../graphql/principal';
import { sql } from '../sql/sql';
import { type Payload, runMutation } from '../mutation/run-mutation';
import { UserErrorCode, type UserError, userError } from '../mutation/user-error.type';
import { versionedUpdate } from '../mutation/versioned-update';
import { newSecret } from './signature';
import { WEBHOOK_COLUMNS, type WebhookRow } from './webhook.type';

export const MAX_EVENT_TYPES = 50;

export interface WebhookMutationPayload extends Payload {
  webhookId: number | null;
  secret: string | null;
}

/**
 * How the principal stands to an endpoint: an office's own district's
 * endpoint (or every district's, for an office bound to none) is
 * SAME_JURISDICTION; an administrator's endpoint, which also receives
 * installation events, is nobody's but an administrator's.
 */
function webhookRelations(principal: Principal, row: WebhookRow | undefined): ReadonlySet<Relation> {
  const relations = new Set<Relation>(['ANY']);
  if (row && !row.installation_events && (principal.jurisdictionId === null || principal.jurisdictionId === row.jurisdiction_id)) relations.add('SAME_JURISDICTION');
  return relations;
}

async function loadWebhook(tx: EntityManager, id: number): Promise<WebhookRow | undefined> {
  const [row] = await tx.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhook WHERE id = $1 AND deleted_at IS NULL`, [id]);
  return row;
}

function checkUrl(url: string): UserError[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [userError(UserErrorCode.INVALID, 'The URL is not a URL.', 'url')];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [userError(UserErrorCode.INVALID, 'The URL must be http or https.', 'url')];
  if (url.length > 2000) return [userError(UserErrorCode.INVALID, 'The URL is longer than 2,000 characters.', 'url')];
  return [];
}

function checkTypes(types: string[]): UserError[] {
  if (types.length > MAX_EVENT_TYPES) return [userError(UserErrorCode.INVALID, `At most ${MAX_EVENT_TYPES} event types.`, 'eventTypes')];
  if (types.some((t) => !/^[A-Za-z][A-Za-z0-9_.]{0,99}$/.test(t))) return [userError(UserErrorCode.INVALID, 'An event type is a name such as acknowledgeTask.', 'eventTypes')];
  return [];
}

const isAdmin = (p: Principal) => p.role === 'ADMIN' || p.role === 'SYSTEM';

export function createWebhook(ctx: RequestContext, input: { url: string; eventTypes?: string[] | null; idempotencyKey?: string | null }): Promise<WebhookMutationPayload> {
  const p = ctx.principal;
  return runMutation<WebhookMutationPayload>(ctx, {
    name: 'createWebhook',
    action: 'webhook.manage',
    input,
    // A new endpoint belongs to its registrar's district: it is in their jurisdiction by construction.
    target: async () => ({ ids: {}, relations: new Set<Relation>(['ANY', 'SAME_JURISDICTION']) }),
    run: async (tx) => {
      const types = input.eventTypes ?? [];
      const errors = [...checkUrl(input.url), ...checkTypes(types)];
      if (errors.length) return { userErrors: errors };
      const secret = newSecret();
      const [row]: WebhookRow[] = await tx.query(
        `INSERT INTO webhook (url, secret, event_types, jurisdiction_id, installation_events, account_id) VALUES ($1, $2, $3::text[], $4, $5, $6) RETURNING ${WEBHOOK_COLUMNS}`,
        [input.url, secret, types, p.jurisdictionId, isAdmin(p), p.accountId],
      );
      return { payload: { webhookId: row.id, secret }, target: { webhook: row.id }, after: row };
    },
    // The secret is shown once, like an API key's: a replay answers null.
    stored: (payload) => ({ ...payload, secret: null }),
  });
}

export function updateWebhook(
  ctx: RequestContext,
  input: { id: number; expectedVersion: number; url?: string | null; eventTypes?: string[] | null; active?: boolean | null; idempotencyKey?: string | null },
): Promise<WebhookMutationPayload> {
  let before: WebhookRow | undefined;
  return runMutation<WebhookMutationPayload>(ctx, {
    name: 'updateWebhook',
    action: 'webhook.manage',
    input,
    target: async (tx) => {
      before = await loadWebhook(tx, input.id);
      return { ids: { webhook: input.id }, relations: webhookRelations(ctx.principal, before) };
    },
    run: async (tx) => {
      if (!before) return { userErrors: [userError(UserErrorCode.NOT_FOUND, `There is no webhook ${input.id}.`, 'id')] };
      const errors = [...(input.url != null ? checkUrl(input.url) : []), ...(input.eventTypes != null ? checkTypes(input.eventTypes) : [])];
      if (errors.length) return { userErrors: errors };
      const set = sql`url = ${sql.value(input.url ?? before.url)}, event_types = ${sql.value(input.eventTypes ?? before.event_types, 'text[]')}, active = ${sql.value(input.active ?? before.active)}`;
      const updated = await versionedUpdate<WebhookRow>(tx, 'webhook', input.id, input.expectedVersion, set);
      if ('userErrors' in updated) return updated;
      const { secret: _secret, ...after } = updated.row as WebhookRow & { secret?: string };
      return { payload: { webhookId: input.id, secret: null }, target: { webhook: input.id }, before, after };
    },
  });
}

export function deleteWebhook(ctx: RequestContext, input: { id: number; idempotencyKey?: string | null }): Promise<WebhookMutationPayload> {
  let before: WebhookRow | undefined;
  return runMutation<WebhookMutationPayload>(ctx, {
    name: 'deleteWebhook',
    action: 'webhook.manage',
    input,
    target: async (tx) => {
      before = await loadWebhook(tx, input.id);
      return { ids: { webhook: input.id }, relations: webhookRelations(ctx.principal, before) };
    },
    run: async (tx) => {
      if (!before) return { userErrors: [userError(UserErrorCode.NOT_FOUND, `There is no webhook ${input.id}.`, 'id')] };
      // Kept (deleted_at), so its past deliveries stay readable; no new ones are made (event-log.ts).
      await tx.query(`UPDATE webhook SET deleted_at = now(), active = false, version = version + 1 WHERE id = $1`, [input.id]);
      return { payload: { webhookId: input.id, secret: null }, target: { webhook: input.id }, before };
    },
  });
}

export interface ReplayPayload extends Payload {
  delivery: number | null;
}

/** A dead letter sent again: a fresh series of tries; the relay queues it once this commits. */
export function replayWebhookDelivery(ctx: RequestContext, input: { delivery: number; idempotencyKey?: string | null }): Promise<ReplayPayload> {
  let webhook: WebhookRow | undefined;
  return runMutation<ReplayPayload>(ctx, {
    name: 'replayWebhookDelivery',
    action: 'webhook.manage',
    input,
    target: async (tx) => {
      const [row] = await tx.query(`SELECT webhook_id FROM webhook_delivery WHERE id = $1`, [input.delivery]);
      webhook = row ? await loadWebhook(tx, row.webhook_id) : undefined;
      return { ids: { delivery: input.delivery, webhook: webhook?.id ?? null }, relations: webhookRelations(ctx.principal, webhook) };
    },
    run: async (tx) => {
      if (!webhook) return { userErrors: [userError(UserErrorCode.NOT_FOUND, `There is no delivery ${input.delivery} of a registered webhook.`, 'delivery')] };
      const rows = await tx.query(
        `WITH replayed AS (
           UPDATE webhook_delivery SET state = 'PENDING', queued = false, attempts = 0, finished_at = NULL, next_attempt_at = NULL
           WHERE id = $1 AND state = 'DEAD' RETURNING id)
         SELECT id FROM replayed`,
        [input.delivery],
      );
      if (!rows.length) return { userErrors: [userError(UserErrorCode.ILLEGAL_TRANSITION, 'Only a dead-lettered (DEAD) delivery can be replayed.', 'delivery')] };
      return { payload: { delivery: input.delivery }, target: { delivery: input.delivery, webhook: webhook.id } };
    },
  });
}
