import { freePort } from '../../src/db/embedded-server';
import { buildServer, isReady, killGroup, startServer, type ServerProcess } from '../server/processes';
import { AccountRole, makeKey } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startApiServer } from '../support/api-server';

/**
 * Rate limits live in PostgreSQL: two real server processes on one database
 * share one budget per key, and the anonymous pool has its own.
 */
describe('rate limits across two server processes', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    buildServer();
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, DUBAN_RATE_LIMIT_PER_KEY: '6', DUBAN_RATE_LIMIT_ANONYMOUS: '4' };
    // One seeds, then the other starts on the seeded database.
    servers.push(startServer({ ...env, PORT: String(await freePort()) }));
    await servers[0].waitFor(isReady, 60_000);
    servers.push(startServer({ ...env, PORT: String(await freePort()) }));
    await servers[1].waitFor(isReady, 60_000);
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) killGroup(server);
    await db.drop();
  });

  const ask = (server: ServerProcess, token?: string) =>
    fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });

  it('a key’s budget is shared by both processes; past it, 429 with Retry-After; another key is unaffected', async () => {
    const [a, b] = servers;
    const busy = await makeKey(db.dataSource, AccountRole.READER, { name: '集成A' });
    const quiet = await makeKey(db.dataSource, AccountRole.READER, { name: '集成B' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask(i % 2 ? b : a, busy.token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const server of [a, b]) {
      const refused = await ask(server, busy.token);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await refused.json()).toEqual({
        errors: [{ message: expect.stringMatching(new RegExp(`^Too many requests: the limit is 6 a minute for ${busy.prefix}; retry in \\d+ s\\.$`)), extensions: { code: 'RATE_LIMITED' } }],
      });
    }
    expect((await ask(b, quiet.token)).status).toBe(200);
  });

  it('anonymous requests have their own pool per address, and bad keys spend it', async () => {
    const [a, b] = servers;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask(i % 2 ? b : a)).status);
    statuses.push((await ask(a, 'duban_00000000_' + 'x'.repeat(43))).status);
    statuses.push((await ask(b)).status);
    expect(statuses).toEqual([200, 200, 200, 401, 429]);
  });
});

describe('rate-limit leases', () => {
  it('a process takes a twentieth of the limit at a time from PostgreSQL, not one point per request', async () => {
    const api = await startApiServer({ auth: { keyRequestsPerMinute: 1200 } });
    try {
      const key = await makeKey(api.db.dataSource, AccountRole.READER, { name: '集成' });
      const answers = await Promise.all(Array.from({ length: 25 }, () => api.gql(`{ viewer { role } }`, {}, key.token)));
      expect(answers.map((a) => a.status)).toEqual(Array(25).fill(200));
      // 25 requests, concurrent: one lease of 60 points, taken once.
      expect(await api.db.dataSource.query(`SELECT key, points FROM rate_limit`)).toEqual([{ key: `key:${key.prefix}`, points: 60 }]);
    } finally {
      await api.stop();
    }
  });
});
