import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app';
import { createTestDatabase } from '../support/test-database';

describe('GET /health', () => {
  it('reports the database reachable, then unreachable once it is gone', async () => {
    const db = await createTestDatabase();
    const { app, apollo } = await createApp({ dataSource: db.dataSource, log: () => undefined });
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
    try {
      const up = await fetch(url);
      expect([up.status, await up.json()]).toEqual([200, expect.objectContaining({ status: 'ok', database: 'reachable' })]);
      await db.drop(); // closes the pool and drops the database
      const down = await fetch(url);
      expect([down.status, await down.json()]).toEqual([503, expect.objectContaining({ status: 'error', database: 'unreachable' })]);
    } finally {
      server.close();
      await apollo.stop();
    }
  });
});
