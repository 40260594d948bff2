/**
 * Time inside PostgreSQL for the statistics questions of `npm run bench` (issue 20 item 7): the
 * statements duban sends for a question, captured from an in-process app over the same database,
 * and the floor's one hand-written statement, each run as a named prepared statement on one
 * connection (as the servers run them, with duban's session settings on both), the median of
 * BENCH_PG_RUNS executions kept, after checking both give the same answer. Round trips
 * to a local server are included on both sides; HTTP, JSON and GraphQL are not.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { SESSION_OPTIONS, createDataSource } from '../src/db/data-source';
import { DEFAULT_AUTH } from '../src/auth/auth-settings';
import { createApp } from '../src/server/app';

export interface PgTimed {
  statements: number;
  dubanMs: number;
  floorMs: number;
}

const captured: { text: string; values: unknown[] }[] = [];
let capturing = false;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as { text?: string; values?: unknown[] } | string;
  if (capturing && typeof config === 'object' && config?.text) captured.push({ text: config.text, values: config.values ?? [] });
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function timeInPostgres(url: string, questions: { graphql: string; floor: { text: string; values: unknown[] } }[], runs: number): Promise<PgTimed[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  // No rate limit: its lease upsert would be captured and timed as one of the question's statements
  // (and 40 questions from one address, several runs a minute, reach the default).
  const auth = { ...DEFAULT_AUTH, anonymousRequestsPerMinute: 0 };
  const { app, apollo } = await createApp({ dataSource, log: () => undefined, auth });
  const server = http.createServer(app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const client = new pg.Client({ connectionString: url, options: SESSION_OPTIONS });
  await client.connect();
  const results: PgTimed[] = [];
  try {
    for (const [i, q] of questions.entries()) {
      captured.length = 0;
      capturing = true;
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q.graphql }),
      });
      const answer = await response.json();
      capturing = false;
      const statements = [...captured];
      // The same answer, or the comparison means nothing (the HTTP table checks its own questions; these may be timed here only).
      const { rows } = await client.query<{ body: string }>(q.floor);
      if (!isDeepStrictEqual(answer, JSON.parse(rows[0].body))) throw new Error(`${q.graphql}: duban and the floor answer differently`);
      const time = async (name: string, run: { text: string; values: unknown[] }[]) => {
        for (const [k, s] of run.entries()) await client.query({ name: `${name}_${k}`, text: s.text, values: s.values }); // prepare, warm
        const samples: number[] = [];
        for (let n = 0; n < runs; n++) {
          const started = process.hrtime.bigint();
          for (const [k, s] of run.entries()) await client.query({ name: `${name}_${k}`, text: s.text, values: s.values });
          samples.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        return median(samples);
      };
      // Alternated so that a disturbance of the shared machine falls on both sides.
      const duban: number[] = [];
      const floor: number[] = [];
      for (let round = 0; round < 3; round++) {
        duban.push(await time(`pgt_duban_${i}`, statements));
        floor.push(await time(`pgt_floor_${i}`, [q.floor]));
      }
      results.push({ statements: statements.length, dubanMs: Math.min(...duban), floorMs: Math.min(...floor) });
    }
  } finally {
    await client.end();
    server.close();
    await apollo.stop();
    await dataSource.destroy();
  }
  return results;
}
