import { freePort } from '../../src/db/embedded-server';
import { buildServer, isReady, killGroup, startServer, type ServerProcess } from '../server/processes';
import { AccountRole, makeKey } from '../support/accounts';
import { subscribe } from '../support/event-stream';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startReceiver } from '../support/webhook-receiver';

/** Graceful shutdown (README "Operations"): a webhook try under way finishes, open subscriptions end, exit 0. */
describe('shutdown with work in flight', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  beforeAll(async () => {
    buildServer();
    db = await createTestDatabase();
    server = startServer({ DATABASE_URL: db.url, PORT: String(await freePort()), DUBAN_SHUTDOWN_GRACE_MS: '5000', DUBAN_WEBHOOK_TIMEOUT_MS: '4000' });
    await server.waitFor(isReady, 60_000);
  }, 90_000);
  afterAll(async () => {
    killGroup(server);
    await db.drop();
  });

  it('SIGTERM during a webhook try: the try is answered and recorded, the subscription is closed, the process exits 0', async () => {
    const admin = await makeKey(db.dataSource, AccountRole.ADMIN, { name: '系统管理员' });
    const receiver = await startReceiver(() => 'hang');
    try {
      const created = await fetch(`${server.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
        body: JSON.stringify({ query: `mutation($url: String!) { createWebhook(input: { url: $url, eventTypes: ["createAccount"] }) { webhook { id } } }`, variables: { url: receiver.url } }),
      });
      const webhook = (await created.json()).data.createWebhook.webhook.id;
      const stream = subscribe(server.origin, `subscription { events { number } }`, {}, admin.token);
      await makeKey(db.dataSource, AccountRole.READER, { name: '关机' });
      await receiver.until(1);
      server.child.kill('SIGTERM');
      await server.waitFor((l) => l.json?.event === 'shutdown');
      // The receiver answers only now, after the signal: the try must still be waited for.
      receiver.answerHeld(200);
      const exit = await server.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      await stream.ended;
      const rows = await db.dataSource.query(
        `SELECT d.state, a.attempt, a.status_code FROM webhook_delivery d JOIN webhook_attempt a ON a.delivery_id = d.id WHERE d.webhook_id = $1`,
        [webhook],
      );
      expect(rows).toEqual([{ state: 'DELIVERED', attempt: 1, status_code: 200 }]);
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
