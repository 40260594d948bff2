/**
 * The API as the benchmark runs it: the compiled app in dist/ (what
 * `npm start` runs; the bench builds it first if its sources changed) on
 * DATABASE_URL and PORT, plus GET /__bench reporting this process's RSS, its
 * CPU time and how many SQL statements it has sent (every pg Client.query
 * call, counted here so the number covers whatever path the app takes to the
 * database). Plain JavaScript so that nothing of the measured process runs
 * through ts-node.
 */
'use strict';
require('reflect-metadata');
const http = require('node:http');
const pg = require('pg');
const { createDataSource } = require('../dist/src/db/data-source.js');
const { createApp } = require('../dist/src/server/app.js');
const { authFromEnv } = require('../dist/src/auth/auth-settings.js');

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  statements++;
  return query.apply(this, args);
};

async function main() {
  const dataSource = createDataSource(process.env.DATABASE_URL);
  await dataSource.initialize();
  // The bench sets rate limits it never reaches (DUBAN_RATE_LIMIT_*), so their cost is measured, not their refusals.
  const { app } = await createApp({ dataSource, log: () => undefined, auth: authFromEnv() });
  http
    .createServer((req, res) => {
      if (req.url === '/__bench') {
        res.setHeader('content-type', 'application/json');
        const { user, system } = process.cpuUsage();
        res.end(JSON.stringify({ statements, rss: process.memoryUsage().rss, cpu: user + system }));
        return;
      }
      app(req, res);
    })
    .listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
