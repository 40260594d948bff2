/**
 * The API as the benchmark runs it: the real app (createApp) on DATABASE_URL
 * and PORT, plus GET /__bench reporting this process's RSS and how many SQL
 * statements it has sent (every pg Client.query call, counted here so the
 * number covers whatever path the app takes to the database) and its CPU time.
 */
import 'reflect-metadata';
import http from 'node:http';
import pg from 'pg';
import { createDataSource } from '../src/db/data-source';
import { createApp } from '../src/server/app';

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

async function main() {
  const dataSource = createDataSource(process.env.DATABASE_URL!);
  await dataSource.initialize();
  const { app } = await createApp({ dataSource, log: () => undefined });
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
