import { toGlobalId } from '../../src/graphql/global-id';
import { freePort } from '../../src/db/embedded-server';
import { buildServer, isReady, killGroup, startServer, type ServerProcess } from '../server/processes';
import { AccountRole, makeKey } from '../support/accounts';
import { subscribe } from '../support/event-stream';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Two real server processes on one database behave as one (README "Events"): fan-out through PostgreSQL. */
describe('events across two server processes', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    buildServer();
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, DUBAN_RATE_LIMIT_PER_KEY: '0', DUBAN_RATE_LIMIT_ANONYMOUS: '0' };
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
});
