import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedIfEmpty } from '../../src/import/writer/seed';
import { createApp } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { SEEDS_DIR } from '../support/seeds';
import { createTestDatabase } from '../support/test-database';
import { FLAGSHIP } from './processes';

describe('operations: request log and metrics', () => {
  it('logs one JSON line per request with its id, duration and SQL count, and exposes Prometheus metrics', async () => {
    const db = await createTestDatabase();
    await seedIfEmpty(db.dataSource, SEEDS_DIR);
    const lines: Record<string, any>[] = [];
    const { app, apollo } = await createApp({ dataSource: db.dataSource, logger: createLogger({ level: 'info', write: (l) => lines.push(JSON.parse(l)) }) });
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' },
        body: JSON.stringify({ query: `query Flagship ${FLAGSHIP}`, operationName: 'Flagship' }),
      });
      expect(response.headers.get('x-request-id')).toBe('req-42');
      await response.json();
      await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) }).then((r) => r.text());
      const logged = lines.filter((l) => l.msg === 'request');
      expect(logged[0]).toMatchObject({ requestId: 'req-42', method: 'POST', path: '/graphql', status: 200, operationName: 'Flagship', sqlStatements: expect.any(Number), durationMs: expect.any(Number) });
      expect(logged[0].sqlStatements).toBeGreaterThan(0);
      expect(logged[1].requestId).toMatch(/^[0-9a-f-]{36}$/);

      const metrics = await (await fetch(`${origin}/metrics`)).text();
      expect(metrics).toMatch(/duban_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} 1/);
      expect(metrics).toMatch(/duban_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1/);
      expect(metrics).toMatch(/duban_db_pool_connections \d+/);
      expect(metrics).toMatch(/duban_db_pool_waiting 0/);
    } finally {
      server.close();
      await apollo.stop();
      await db.drop();
    }
  });
});
