import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedServer } from '../../src/db/embedded-server';

/**
 * One PostgreSQL server for the whole run: TEST_DATABASE_URL if given (any
 * server where we may create databases), else a fresh embedded cluster in a
 * temporary folder. Each test file then creates its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-test-pg-'));
  fs.chmodSync(dataDir, 0o755);
  const server = await startEmbeddedServer({ dataDir: path.join(dataDir, 'data'), port: await freePort(), database: 'duban_test' });
  process.env.TEST_DATABASE_URL = server.url;
  (globalThis as Record<string, unknown>).__dubanTestServer = { stop: server.stop, dataDir };
}
