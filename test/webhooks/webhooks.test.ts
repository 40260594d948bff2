import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { verify } from '../../src/webhooks/signature';
import type { WebhookSettings } from '../../src/webhooks/webhook-settings';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { startApiServer, type ApiServer } from '../support/api-server';
import { startReceiver } from '../support/webhook-receiver';

const SETTINGS: WebhookSettings = { maxAttempts: 3, backoffBaseMs: 400, timeoutMs: 400, pollMs: 500, maintenanceSeconds: 1 };

/** Conditions, awaited: polls PostgreSQL until `read` answers what `done` wants. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const deliveryOf = (db: DataSource, webhook: number) =>
  db.query(`SELECT d.id::int, d.state, d.attempts, (SELECT json_agg(a ORDER BY a.attempt) FROM webhook_attempt a WHERE a.delivery_id = d.id) AS tries FROM webhook_delivery d WHERE d.webhook_id = $1`, [webhook]);

/** Webhooks (README "Webhooks"): signed, retried with backoff, dead-lettered, visible, replayable. */
describe('webhooks', () => {
  let api: ApiServer;
  let admin: TestKey, office: TestKey;

  beforeAll(async () => {
    api = await startApiServer({ webhooks: SETTINGS });
    admin = await makeKey(api.db.dataSource, AccountRole.ADMIN, { name: '系统管理员' });
    office = await makeKey(api.db.dataSource, AccountRole.OFFICE, { name: '督查办' });
  });
  afterAll(() => api.stop());

  const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret userErrors { field code } webhook { id url eventTypes installationEvents version } } }`;
  const register = async (url: string, token = admin.token) => {
    const answer = await api.gql(CREATE, { input: { url, eventTypes: ['createAccount'] } }, token);
    expect(answer.data.createWebhook.userErrors).toEqual([]);
    return answer.data.createWebhook as { secret: string; webhook: { id: number } };
  };
  const remove = (id: number) => api.gql(`mutation($id: Int!) { deleteWebhook(input: { id: $id }) { userErrors { code } } }`, { id }, admin.token);

  it('a delivery is signed: the documented recipe verifies it, and a changed body or another secret does not', async () => {
    const receiver = await startReceiver(() => 204);
    const { secret, webhook } = await register(receiver.url);
    try {
      await makeKey(api.db.dataSource, AccountRole.READER, { name: '签名' });
      await receiver.until(1);
      const { headers, body } = receiver.received[0];
      // The README's recipe, written out: t and v1 from the header, HMAC-SHA256 of "<t>.<raw body>" with the secret.
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(headers['x-duban-signature'] as string)!;
      const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
      expect(timingSafeEqual(expected, Buffer.from(v1, 'hex'))).toBe(true);
      expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
      const now = Math.floor(Date.now() / 1000);
      expect(verify(secret, headers['x-duban-signature'] as string, body, now)).toBe(true);
      expect(verify(secret, headers['x-duban-signature'] as string, body.replace('"createAccount"', '"deleteWebhook"'), now)).toBe(false);
      expect(verify(`${secret}x`, headers['x-duban-signature'] as string, body, now)).toBe(false);
      expect(verify(secret, headers['x-duban-signature'] as string, body, now + 3600)).toBe(false);
      expect(JSON.parse(body)).toEqual({ delivery: expect.any(Number), event: { number: expect.any(Number), type: 'createAccount', at: expect.any(String), actor: 'cli:test', ids: { account: expect.any(Number) } } });
      expect(headers['x-duban-event']).toBe('createAccount');
      expect(await eventually(() => deliveryOf(api.db.dataSource, webhook.id), (d) => d[0]?.state === 'DELIVERED')).toHaveLength(1);
    } finally {
      await remove(webhook.id);
      await receiver.close();
    }
  });

  it('a receiver answering 500 twice then 200 gets three tries and one success, on the backoff schedule', async () => {
    const receiver = await startReceiver((i) => (i < 2 ? 500 : 200));
    const { webhook } = await register(receiver.url);
    try {
      await makeKey(api.db.dataSource, AccountRole.READER, { name: '重试' });
      const [delivery] = await eventually(() => deliveryOf(api.db.dataSource, webhook.id), (d) => d[0]?.state === 'DELIVERED');
      expect(delivery.tries.map((t: { attempt: number; status_code: number; error: string | null }) => [t.attempt, t.status_code, t.error])).toEqual([
        [1, 500, 'HTTP 500'],
        [2, 500, 'HTTP 500'],
        [3, 200, null],
      ]);
      expect(receiver.received).toHaveLength(3);
      // Every try carries the same delivery number, so a receiver can drop a duplicate.
      expect(new Set(receiver.received.map((r) => r.headers['x-duban-delivery'])).size).toBe(1);
      const gaps = [receiver.received[1].at - receiver.received[0].at, receiver.received[2].at - receiver.received[1].at];
      // base, then 2 × base; a worker polls every 500 ms, so a try may start up to a poll (and a margin) late.
      expect(gaps[0]).toBeGreaterThanOrEqual(400);
      expect(gaps[0]).toBeLessThan(400 + 1500);
      expect(gaps[1]).toBeGreaterThanOrEqual(800);
      expect(gaps[1]).toBeLessThan(800 + 1500);
    } finally {
      await remove(webhook.id);
      await receiver.close();
    }
  });

  it('a receiver that never answers is dead-lettered after the last try; the delivery is visible and a replay sends it again', async () => {
    let answering = false;
    const receiver = await startReceiver(() => (answering ? 200 : 'hang'));
    const { webhook } = await register(receiver.url);
    try {
      await makeKey(api.db.dataSource, AccountRole.READER, { name: '不应答' });
      const [dead] = await eventually(() => deliveryOf(api.db.dataSource, webhook.id), (d) => d[0]?.state === 'DEAD');
      expect(dead.tries.map((t: { attempt: number; error: string }) => [t.attempt, t.error])).toEqual([
        [1, 'no answer within 400 ms'],
        [2, 'no answer within 400 ms'],
        [3, 'no answer within 400 ms'],
      ]);
      const started = dead.tries.map((t: { started_at: string }) => new Date(t.started_at).getTime());
      // timeout + base, then timeout + 2 × base, each at most a poll and a margin late.
      expect(started[1] - started[0]).toBeGreaterThanOrEqual(400 + 400);
      expect(started[1] - started[0]).toBeLessThan(800 + 1500);
      expect(started[2] - started[1]).toBeGreaterThanOrEqual(400 + 800);
      expect(started[2] - started[1]).toBeLessThan(1200 + 1500);

      const listed = await api.gql(`{ webhookDeliveries(state: "DEAD") { id webhook state attempts { attempt error } } }`, {}, admin.token);
      expect(listed.data.webhookDeliveries).toEqual([{ id: dead.id, webhook: webhook.id, state: 'DEAD', attempts: [1, 2, 3].map((attempt) => ({ attempt, error: 'no answer within 400 ms' })) }]);
      const metrics = await (await fetch(`${api.origin}/metrics`)).text();
      expect(metrics).toMatch(/^duban_webhook_deliveries\{state="DEAD"\} 1$/m);
      expect(metrics).toMatch(/^duban_job_queue_waiting \d+$/m);

      answering = true;
      const replay = await api.gql(`mutation($d: Int!) { replayWebhookDelivery(input: { delivery: $d }) { delivery userErrors { code } } }`, { d: dead.id }, admin.token);
      expect(replay.data.replayWebhookDelivery).toEqual({ delivery: dead.id, userErrors: [] });
      const [delivered] = await eventually(() => deliveryOf(api.db.dataSource, webhook.id), (d) => d[0]?.state === 'DELIVERED');
      expect(delivered.tries.map((t: { attempt: number; status_code: number | null }) => [t.attempt, t.status_code])).toEqual([[1, null], [2, null], [3, null], [4, 200]]);
      const again = await api.gql(`mutation($d: Int!) { replayWebhookDelivery(input: { delivery: $d }) { delivery userErrors { code } } }`, { d: dead.id }, admin.token);
      expect(again.data.replayWebhookDelivery).toEqual({ delivery: null, userErrors: [{ code: 'ILLEGAL_TRANSITION' }] });
    } finally {
      await remove(webhook.id);
      await receiver.close();
    }
  });

  it('an office registers for its district only: no installation events, no administrator’s endpoints; a bad URL is a user error', async () => {
    const bad = await api.gql(CREATE, { input: { url: 'ftp://example.invalid/x' } }, office.token);
    expect(bad.data.createWebhook).toEqual({ secret: null, userErrors: [{ field: 'url', code: 'INVALID' }], webhook: null });
    const mine = await api.gql(CREATE, { input: { url: 'http://127.0.0.1:9/office' } }, office.token);
    expect(mine.data.createWebhook.webhook).toMatchObject({ installationEvents: false });
    const theirs = await register('http://127.0.0.1:9/admin');
    const seen = await api.gql(`{ webhooks { id } }`, {}, office.token);
    expect(seen.data.webhooks).toEqual([{ id: mine.data.createWebhook.webhook.id }]);
    const refused = await api.gql(`mutation($id: Int!) { deleteWebhook(input: { id: $id }) { userErrors { code } } }`, { id: theirs.webhook.id }, office.token);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', action: 'webhook.manage' });
    const unit = await makeKey(api.db.dataSource, AccountRole.UNIT, { unit: '区科技局' });
    expect((await api.gql(`{ webhooks { id } }`, {}, unit.token)).errors![0].extensions!.code).toBe('FORBIDDEN');
    await remove(theirs.webhook.id);
    await remove(mine.data.createWebhook.webhook.id);
  });
});
