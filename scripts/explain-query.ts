/**
 * EXPLAIN (ANALYZE, BUFFERS) for every statement one GraphQL query sends:
 *   npx ts-node --transpile-only scripts/explain-query.ts postgres://…/db '{ tasks(…) { … } }'
 * (used to check each flagship-style filter at scale; see the bench).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createDataSource } from '../src/db/data-source';
import { createApp } from '../src/server/app';

const captured: { text: string; values: unknown[] }[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as { text?: string; values?: unknown[] } | string;
  if (typeof config === 'object' && config?.text) captured.push({ text: config.text, values: config.values ?? [] });
  else if (typeof config === 'string' && Array.isArray(args[1])) captured.push({ text: config, values: args[1] as unknown[] });
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

async function main() {
  const [url, graphql] = process.argv.slice(2);
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  const { app, apollo } = await createApp({ dataSource, log: () => undefined });
  const server = http.createServer(app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  captured.length = 0;
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: graphql }),
  });
  const body = JSON.stringify(await response.json());
  const statements = [...captured];
  process.stdout.write(`response: ${body.length} bytes${body.includes('"errors"') ? ` ${body.slice(0, 400)}` : ''}; ${statements.length} statements\n`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const repeat = Number(process.env.EXPLAIN_TIME ?? 0);
  for (const [i, { text, values }] of statements.entries()) {
    if (process.env.EXPLAIN_DUMP) fs.writeFileSync(path.join(process.env.EXPLAIN_DUMP, `statement-${i}.sql`), text);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values);
    process.stdout.write(`\n${process.env.EXPLAIN_FULL ? text : `${text.replace(/\s+/g, ' ').slice(0, 300)}…`}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
    if (repeat) {
      // As the server runs it: a named prepared statement, executed again and again on one connection.
      const started = process.hrtime.bigint();
      for (let k = 0; k < repeat; k++) await client.query({ name: `explain_${i}`, text, values });
      process.stdout.write(`mean over ${repeat} prepared executions (round trip included): ${(Number(process.hrtime.bigint() - started) / 1e6 / repeat).toFixed(3)} ms\n`);
    }
  }
  await client.end();
  server.close();
  await apollo.stop();
  await dataSource.destroy();
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
