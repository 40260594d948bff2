import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import type { Principal } from '../graphql/principal';
import { CreateWebhookInput, DeleteWebhookInput, ReplayWebhookDeliveryInput, UpdateWebhookInput } from './webhook.inputs';
import { createWebhook, deleteWebhook, replayWebhookDelivery, updateWebhook, type WebhookMutationPayload } from './webhook.mutations';
import { WEBHOOK_COLUMNS, WebhookDeliveryModel, WebhookDeliveryPayload, WebhookModel, WebhookPayload, type WebhookRow } from './webhook.type';

/** The endpoints a principal may manage, as a condition on `webhook w` (the same rule as webhook.mutations.ts). */
function manageableSql(p: Principal, first: number): { where: string; params: unknown[] } {
  if (p.role === 'ADMIN' || p.role === 'SYSTEM') return { where: 'TRUE', params: [first] };
  return { where: `NOT w.installation_events AND ($2::int IS NULL OR w.jurisdiction_id = $2::int)`, params: [first, p.jurisdictionId] };
}

const DELIVERY_STATES = ['PENDING', 'RETRYING', 'DELIVERED', 'DEAD'];

@Resolver()
export class WebhookResolver {
  @Query(() => [WebhookModel], { description: 'The registered webhook endpoints you manage (ADMIN; OFFICE: its district’s).' })
  async webhooks(@Ctx() ctx: RequestContext): Promise<WebhookModel[]> {
    const { where, params } = manageableSql(ctx.principal, 1000);
    const rows = await ctx.query<WebhookRow>(
      `SELECT ${WEBHOOK_COLUMNS.split(', ').map((c) => `w.${c}`).join(', ')} FROM webhook w WHERE w.deleted_at IS NULL AND ${where} ORDER BY w.id LIMIT $1`,
      params,
    );
    return rows.map(WebhookModel.fromRow);
  }

  @Query(() => [WebhookDeliveryModel], { description: 'Deliveries to your endpoints, newest first, with every try: what was sent, answered, retried, dead-lettered.' })
  async webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg('webhook', () => Int, { nullable: true, description: 'Only this endpoint’s (Webhook.id).' }) webhook?: number | null,
    @Arg('state', () => String, { nullable: true, description: 'Only deliveries in this state: PENDING, RETRYING, DELIVERED or DEAD.' }) state?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many (1 to 500, default 100).' }) first?: number | null,
  ): Promise<WebhookDeliveryModel[]> {
    const n = first ?? 100;
    if (!Number.isInteger(n) || n < 1 || n > 500) throw new BadUserInputError('first must be 1 to 500.', 'first');
    if (state != null && !DELIVERY_STATES.includes(state)) throw new BadUserInputError(`state must be one of ${DELIVERY_STATES.join(', ')}.`, 'state');
    const { where, params } = manageableSql(ctx.principal, n);
    const rows = await ctx.query<{ id: string; webhook_id: number; event_id: string; state: string; next_attempt_at: Date | null; attempts: any[] }>(
      `SELECT d.id, d.webhook_id, d.event_id, d.state, d.next_attempt_at,
              coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, 'worker', a.worker, 'startedAt', a.started_at, 'finishedAt', a.finished_at,
                                                          'statusCode', a.status_code, 'error', a.error) ORDER BY a.attempt)
                        FROM webhook_attempt a WHERE a.delivery_id = d.id), '[]') AS attempts
       FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
       WHERE ${where} AND ($${params.length + 1}::int IS NULL OR d.webhook_id = $${params.length + 1}::int)
         AND ($${params.length + 2}::text IS NULL OR d.state::text = $${params.length + 2}::text)
       ORDER BY d.id DESC LIMIT $1`,
      [...params, webhook ?? null, state ?? null],
    );
    const iso = (t: string | Date | null) => (t === null ? null : new Date(t).toISOString());
    return rows.map((r) =>
      Object.assign(new WebhookDeliveryModel(), {
        id: Number(r.id),
        webhook: r.webhook_id,
        event: Number(r.event_id),
        state: r.state,
        nextAttemptAt: iso(r.next_attempt_at),
        attempts: r.attempts.map((a) => ({ ...a, startedAt: iso(a.startedAt), finishedAt: iso(a.finishedAt) })),
      }),
    );
  }

  @Mutation(() => WebhookPayload, { description: 'Registers a webhook endpoint (ADMIN; OFFICE for its district’s events). The answer shows its signing secret once.' })
  async createWebhook(@Arg('input', () => CreateWebhookInput, { description: 'The endpoint.' }) input: CreateWebhookInput, @Ctx() ctx: RequestContext): Promise<WebhookPayload> {
    return this.answer(ctx, await createWebhook(ctx, input));
  }

  @Mutation(() => WebhookPayload, { description: 'Changes an endpoint’s URL, filter or activity.' })
  async updateWebhook(@Arg('input', () => UpdateWebhookInput, { description: 'What to change.' }) input: UpdateWebhookInput, @Ctx() ctx: RequestContext): Promise<WebhookPayload> {
    return this.answer(ctx, await updateWebhook(ctx, input));
  }

  @Mutation(() => WebhookPayload, { description: 'Removes an endpoint; its past deliveries stay readable.' })
  async deleteWebhook(@Arg('input', () => DeleteWebhookInput, { description: 'Which endpoint.' }) input: DeleteWebhookInput, @Ctx() ctx: RequestContext): Promise<WebhookPayload> {
    return this.answer(ctx, await deleteWebhook(ctx, input));
  }

  @Mutation(() => WebhookDeliveryPayload, { description: 'Sends a dead-lettered delivery again, with a fresh series of tries.' })
  async replayWebhookDelivery(
    @Arg('input', () => ReplayWebhookDeliveryInput, { description: 'Which delivery.' }) input: ReplayWebhookDeliveryInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookDeliveryPayload> {
    return Object.assign(new WebhookDeliveryPayload(), await replayWebhookDelivery(ctx, input));
  }

  private async answer(ctx: RequestContext, payload: WebhookMutationPayload): Promise<WebhookPayload> {
    const [row] = payload.webhookId == null ? [] : await ctx.query<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhook WHERE id = $1`, [payload.webhookId]);
    return Object.assign(new WebhookPayload(), { userErrors: payload.userErrors, replayed: payload.replayed, secret: payload.secret ?? null, webhook: row ? WebhookModel.fromRow(row) : null });
  }
}
