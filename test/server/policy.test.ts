import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDataSource } from '../../src/db/data-source';
import { runMigrationsLocked } from '../../src/db/migrate';
import { createApp } from '../../src/server/app';
import { TimedRequestContext } from '../../src/server/timed-context';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Introspection and field suggestions: on by default (the schema is the
 * product's documentation, GraphiQL needs it, and nothing in it is secret);
 * DUBAN_INTROSPECTION=false turns both off together, since "Did you mean …?"
 * would otherwise reveal the field names introspection hides.
 */
describe('introspection and field-suggestion policy', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function serve(introspection: boolean) {
    const { app, apollo } = await createApp({ dataSource: db.dataSource, introspection });
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const gql = async (query: string) =>
      (await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();
    return { gql, stop: async () => (server.close(), apollo.stop()) };
  }

  it('allows both by default', async () => {
    const api = await serve(true);
    try {
      expect((await api.gql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect((await api.gql('{ leaderz { name } }')).errors[0].message).toMatch(/Did you mean "leaders?"/);
    } finally {
      await api.stop();
    }
  });

  it('refuses introspection and hides suggestions when turned off', async () => {
    const api = await serve(false);
    try {
      const refused = await api.gql('{ __schema { queryType { name } } }');
      expect(refused.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringMatching(/introspection/i) });
      const typo = await api.gql('{ leaderz { name } }');
      expect(typo.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(typo.errors[0].message).not.toMatch(/Did you mean/);
    } finally {
      await api.stop();
    }
  });
});

describe('migrations across processes', () => {
  it('two connections migrating an empty database at once apply each migration once', async () => {
    const db = await createTestDatabase({ migrate: false });
    const other = createDataSource(db.url);
    await other.initialize();
    try {
      await Promise.all([runMigrationsLocked(db.dataSource), runMigrationsLocked(other)]);
      const rows: { name: string }[] = await db.dataSource.query('SELECT name FROM migrations');
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    } finally {
      await other.destroy();
      await db.drop();
    }
  });
});

describe('request execution timeout', () => {
  it('refuses further SQL once the request is past its deadline, naming the limit in ms', async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      const live = new TimedRequestContext(db.dataSource, Date.now() + 60000, 60000);
      await expect(live.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
      const late = new TimedRequestContext(db.dataSource, Date.now() - 1, 250);
      await expect(late.query('SELECT 1')).rejects.toMatchObject({
        message: expect.stringMatching(/execution timeout of 250 ms \(requestTimeoutMs\)/),
        extensions: { code: 'QUERY_TIMEOUT', limit: 'requestTimeoutMs', max: 250 },
      });
      expect(late.sqlLog).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
