import { toGlobalId } from '../../src/graphql/global-id';
import { freePort } from '../../src/db/embedded-server';
import { buildServer, isReady, killGroup, startServer, type ServerProcess } from '../server/processes';
import { AccountRole, makeKey } from '../support/accounts';
import { subscribe } from '../support/event-stream';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startReceiver } from '../support/webhook-receiver';

/** Two real server processes on one database behave as one (README "Events"): fan-out through PostgreSQL. */
describe('events across two server processes', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    buildServer();
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      DUBAN_RATE_LIMIT_PER_KEY: '0',
      DUBAN_RATE_LIMIT_ANONYMOUS: '0',
      // A try may take 2 s, so a job held by a dead process is handed on 3 s after it started (+ a maintenance pass, 1 s).
      DUBAN_WEBHOOK_TIMEOUT_MS: '2000',
      DUBAN_QUEUE_MAINTENANCE_S: '1',
      DUBAN_WEBHOOK_BACKOFF_MS: '200',
      // Reminders on a fixed clock, checked often; debug logs say when a process checked and found nothing to send.
      DUBAN_REMINDERS_TODAY: '2025-10-09',
      DUBAN_REMINDERS_INTERVAL_MS: '300',
      LOG_LEVEL: 'debug',
    };
    servers.push(startServer({ ...env, PORT: String(await freePort()) }));
    await servers[0].waitFor(isReady, 60_000);
    servers.push(startServer({ ...env, PORT: String(await freePort()) }));
    await servers[1].waitFor(isReady, 60_000);
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) killGroup(server);
    await db.drop();
  });

  it('a subscriber on process A receives the events of mutations made on process B, each once', async () => {
    const [a, b] = servers;
    const unit = await makeKey(db.dataSource, AccountRole.UNIT, { unit: '区经济信息委' });
    const office = await makeKey(db.dataSource, AccountRole.OFFICE, { name: '督查办' });
    const tasks: number[] = (
      await db.dataSource.query(`SELECT a.task_id AS id FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE u.name = '区经济信息委' ORDER BY a.task_id LIMIT 2`)
    ).map((r: { id: number }) => r.id);
    const acknowledge = async (task: number) => {
      const answer = await fetch(`${b.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${unit.token}` },
        body: JSON.stringify({ query: `mutation($task: ID!) { acknowledgeTask(input: { task: $task }) { userErrors { code } } }`, variables: { task: toGlobalId('Task', task) } }),
      });
      expect((await answer.json()).data.acknowledgeTask.userErrors).toEqual([]);
    };
    const [{ n: from }] = await db.dataSource.query(`SELECT max(id)::int AS n FROM event`);
    // From a known number, so the first event arrives whether the stream opened before or after it was committed.
    const stream = subscribe(a.origin, `subscription($after: Int) { events(after: $after) { number type actor ids } }`, { after: from }, office.token);
    await acknowledge(tasks[0]);
    await stream.until((r) => r.length >= 1);
    // The stream has delivered: it is live now, so this one can only come through A's LISTEN.
    await acknowledge(tasks[1]);
    await stream.until((r) => r.length >= 2);
    const event = (n: number, task: number) => ({ data: { events: { number: n, type: 'acknowledgeTask', actor: 'UNIT 区经济信息委', ids: { task, unit: expect.any(Number) } } } });
    expect(stream.received).toEqual([event(from + 1, tasks[0]), event(from + 2, tasks[1])]);
    stream.close();
  });

  it('a reminder due now is sent once, by one of the two processes, as one event', async () => {
    const [{ id: task }] = await db.dataSource.query(`SELECT id FROM task ORDER BY id DESC LIMIT 1`);
    const marks = servers.map((s) => s.lines.length);
    // Due on Monday 2025-10-13, after the National Day holiday: its 3-working-day notice is due "today", 2025-10-09.
    await db.dataSource.query(`UPDATE task SET due_on = '2025-10-13' WHERE id = $1`, [task]);
    const ticked = (i: number) => servers[i].lines.slice(marks[i]).filter((l) => ['reminders_checked', 'reminders_sent'].includes(l.json?.event)).length;
    // Both processes have ticked twice since the due date appeared: each had its chance to send.
    for (const i of [0, 1]) await servers[i].waitFor(() => ticked(i) >= 2, 20_000);
    const events = await db.dataSource.query(`SELECT target->>'rule' AS rule FROM event WHERE type = 'reminder' AND task_id = $1`, [task]);
    expect(events).toEqual([{ rule: 'before-3-working-days' }]);
    const sentBy = servers.map((s, i) => s.lines.slice(marks[i]).filter((l) => l.json?.event === 'reminders_sent').length);
    expect(sentBy.sort()).toEqual([0, 1]);
  });

  // Last: it kills one of the two processes.
  it('killing the process that is delivering a webhook (SIGKILL) leaves the delivery to the other, which completes it once', async () => {
    const admin = await makeKey(db.dataSource, AccountRole.ADMIN, { name: '系统管理员' });
    let hold = true;
    const receiver = await startReceiver(() => (hold ? 'hang' : 200));
    try {
      const created = await fetch(`${servers[1].origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
        body: JSON.stringify({ query: `mutation($url: String!) { createWebhook(input: { url: $url, eventTypes: ["createAccount"] }) { webhook { id } } }`, variables: { url: receiver.url } }),
      });
      const webhook = (await created.json()).data.createWebhook.webhook.id;
      await makeKey(db.dataSource, AccountRole.READER, { name: '崩溃' });
      await receiver.until(1);
      // Whichever process took the job is "A": kill it while the receiver holds its request.
      const [{ worker }] = await db.dataSource.query(`SELECT a.worker FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.webhook_id = $1`, [webhook]);
      const pid = Number(worker.split(':').pop());
      const victim = servers.find((s) => s.child.pid === pid)!;
      const survivor = servers.find((s) => s !== victim)!;
      expect(victim).toBeDefined();
      hold = false;
      victim.child.kill('SIGKILL');
      await victim.exited;
      await receiver.until(2, 20_000);
      const tries = async () =>
        db.dataSource.query(
          `SELECT d.state, a.attempt, a.worker, a.status_code, a.error FROM webhook_delivery d JOIN webhook_attempt a ON a.delivery_id = d.id WHERE d.webhook_id = $1 ORDER BY a.attempt`,
          [webhook],
        );
      let rows = await tries();
      for (const deadline = Date.now() + 10_000; rows.some((r: { state: string }) => r.state !== 'DELIVERED') && Date.now() < deadline; rows = await tries()) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(rows).toEqual([
        { state: 'DELIVERED', attempt: 1, worker, status_code: null, error: 'interrupted: the worker stopped before an answer' },
        { state: 'DELIVERED', attempt: 2, worker: expect.stringMatching(new RegExp(`:${survivor.child.pid}$`)), status_code: 200, error: null },
      ]);
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1].headers['x-duban-delivery']).toBe(receiver.received[0].headers['x-duban-delivery']);
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
