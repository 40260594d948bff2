import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../../src/server/app';
import { DEFAULT_LIMITS, LIMIT_ENV, type Limits, limitsFromEnv } from '../../src/server/limits';
import { createTestDatabase } from '../support/test-database';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/**
 * Docker cannot run on the development machines, so the container setup is
 * checked by reading it, and the settings it passes by using the same
 * environment variables here.
 */
describe('configuration', () => {
  it('docker-compose.yml passes every limit with the default the code and the README use', () => {
    const compose = read('docker-compose.yml');
    const readme = read('README.md');
    for (const [key, name] of Object.entries(LIMIT_ENV) as [keyof Limits, string][]) {
      expect(compose).toContain(`${name}: \${${name}:-${DEFAULT_LIMITS[key]}}`);
      const row = readme.split('\n').find((line) => line.split('|').map((cell) => cell.trim()).includes(`\`${name}\``));
      expect(row).toBeDefined();
      expect(row!.replace(/,/g, '')).toContain(String(DEFAULT_LIMITS[key]));
    }
    // PostgreSQL of the compose file = the version the suite runs against on CI.
    expect(compose).toMatch(/image: postgres:\$\{POSTGRES_VERSION:-15\}/);
    expect(compose).not.toMatch(/sh -c|npm ci/);
  });

  it('the Dockerfile installs at build time, runs as non-root and in exec form', () => {
    const dockerfile = read('Dockerfile');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/RUN npm ci/);
    expect(stages[1]).not.toMatch(/npm (ci|install)/);
    expect(stages[1]).toMatch(/^USER node$/m);
    expect(stages[1]).toMatch(/^ENTRYPOINT \["node", "dist\/src\/server\/main\.js"\]$/m);
    expect(stages[1]).toMatch(/NODE_ENV=production/);
  });

  it('npm start runs compiled JavaScript in production mode', () => {
    const pkg = JSON.parse(read('package.json'));
    // exec: no shell stays between npm and node to swallow a SIGTERM (test/server/lifecycle.test.ts stops a real npm start).
    expect(pkg.scripts.start).toMatch(/^NODE_ENV=production exec node (--\S+ )*dist\/src\/server\/main\.js$/);
    expect(pkg.scripts.prestart).toMatch(/build-if-changed/);
    expect(pkg.engines.node).toBe('>=20.19.0');
  });

  it('reads each limit from its variable and refuses malformed values by name', async () => {
    expect(limitsFromEnv({ DUBAN_MAX_DEPTH: '3', DUBAN_REQUEST_TIMEOUT_MS: '250' })).toMatchObject({ maxDepth: 3, requestTimeoutMs: 250, maxCost: DEFAULT_LIMITS.maxCost });
    expect(() => limitsFromEnv({ DUBAN_MAX_COST: '10k' })).toThrow('DUBAN_MAX_COST must be a positive integer (got "10k")');

    const db = await createTestDatabase();
    const { app, apollo } = await createApp({ dataSource: db.dataSource, limits: limitsFromEnv({ DUBAN_MAX_DEPTH: '3', DUBAN_MAX_COST: '100' }) });
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const ask = async (query: string) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();
    try {
      expect((await ask('{ leaders { tasks { nodes { leaders { name } } } } }')).errors[0].message).toMatch(/depth limit of 3\b/);
      expect((await ask('{ tasks(first: 100) { nodes { number } } }')).errors[0].message).toMatch(/cost limit of 100\b/);
    } finally {
      server.close();
      await apollo.stop();
      await db.drop();
    }
  });
});
