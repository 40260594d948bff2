/**
 * npm run bench:events — event delivery latency (issue 18).
 *
 * Two real server processes (the compiled `npm start` entry point) on one
 * database; mutations (createAccount, as an ADMIN key) sent to process B at
 * BENCH_EVENTS_RATE a second (default 50) for BENCH_EVENTS_SECONDS (default
 * 60), open loop (on schedule, not waiting for answers). Measured, from the
 * event's own time (`Event.at`: written by the change's transaction just
 * before it commits):
 * - to a subscriber on process A (GraphQL over SSE, /graphql/stream), so
 *   through PostgreSQL's LISTEN/NOTIFY;
 * - to a webhook receiver on 127.0.0.1 (the pg-boss queue, either process).
 * Mutations refused under overload (no pooled connection in time) are
 * counted and printed; they make no event.
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createClient } from 'graphql-sse';
import pg from 'pg';
import { createAccount, createApiKey } from '../src/auth/account.mutations';
import { AccountRole } from '../src/auth/account-role';
import { createDataSource } from '../src/db/data-source';
import { freePort } from '../src/db/embedded-server';
import { RequestContext } from '../src/graphql/context';
import { shellPrincipal } from '../src/graphql/principal';
import { benchPostgres } from './bench-postgres';

const ROOT = path.join(__dirname, '..');
const RATE = Number(process.env.BENCH_EVENTS_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_EVENTS_SECONDS ?? 60);

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; origin: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'server', 'main.js')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer: string | null = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      // Only until ready: the request log after it is read and dropped.
      if (buffer === null) return;
      buffer += chunk.toString('utf8');
      if (buffer.includes('"event":"ready"')) {
        buffer = null;
        resolve({ child, origin: `http://127.0.0.1:${env.PORT}` });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};

async function main() {
  const { urlOf, admin, close } = await benchPostgres('duban-bench-events-');
  const db = `bench_events_${process.pid}`;
  const children: ChildProcess[] = [];
  let stopping = false;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-changed.js'), '--only=server'], { cwd: ROOT, stdio: 'inherit' });
    await admin.query(`CREATE DATABASE ${db}`);
    const env = { DATABASE_URL: urlOf(db), DUBAN_RATE_LIMIT_PER_KEY: '0', DUBAN_RATE_LIMIT_ANONYMOUS: '0', DUBAN_POOL_SIZE: process.env.DUBAN_POOL_SIZE ?? '20' };
    // A migrates and seeds; then B starts on the seeded database.
    const a = await startServer({ ...env, PORT: String(await freePort()) });
    children.push(a.child);
    const b = await startServer({ ...env, PORT: String(await freePort()) });
    children.push(b.child);

    const ds = createDataSource(urlOf(db));
    await ds.initialize();
    const ctx = new RequestContext(ds, shellPrincipal('bench'));
    const account = await createAccount(ctx, { name: 'bench', role: AccountRole.ADMIN, unitId: null, leaderId: null });
    const token = (await createApiKey(ctx, { accountId: account.accountId! })).token!;
    await ds.destroy();

    const toSubscriber: number[] = [];
    const toWebhook: number[] = [];
    // From the event's own time (written by the change's transaction just before it commits; same machine, same clock).
    const arrived = (at: string, into: number[]) => into.push(Date.now() - new Date(at).getTime());

    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(204).end();
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        arrived(body.event.at, toWebhook);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const gql = async (origin: string, query: string, variables: Record<string, unknown>) =>
      (await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) })).json();
    await gql(b.origin, `mutation($url: String!) { createWebhook(input: { url: $url, eventTypes: ["createAccount"] }) { userErrors { code } } }`, {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    });

    const client = createClient({ url: `${a.origin}/graphql/stream`, headers: { authorization: `Bearer ${token}` }, fetchFn: fetch, retryAttempts: 0 });
    const stream = client.iterate<{ events: { at: string } }>({ query: `subscription { events(where: { types: ["createAccount"] }) { number at } }` });
    void (async () => {
      for await (const result of stream) if (result.data) arrived(result.data.events.at, toSubscriber);
    })().catch((error) => {
      // The stream ends when the servers stop; before that, say so.
      if (!stopping) console.error(`subscription failed: ${(error as Error).message}`);
    });
    // Let the stream open before the first event.
    await new Promise((r) => setTimeout(r, 500));

    const total = RATE * SECONDS;
    const mutationMs: number[] = [];
    const refused: string[] = [];
    const started = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      sends.push(
        (async () => {
          const sent = performance.now();
          const answer = await gql(b.origin, `mutation($name: String!) { createAccount(input: { name: $name, role: READER }) { account { id } } }`, { name: `bench ${i}` });
          const at = performance.now();
          mutationMs.push(at - sent);
          if (!answer.data?.createAccount?.account) {
            // Refused under overload (no pooled connection in time): counted, not delivered, not waited for.
            refused.push(answer.errors?.[0]?.extensions?.code ?? 'ERROR');
            return;
          }
        })(),
      );
    }
    await Promise.all(sends);
    const achieved = total / ((performance.now() - started) / 1000);
    const deadline = Date.now() + 15_000;
    while ((toSubscriber.length < total - refused.length || toWebhook.length < total - refused.length) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    stopping = true;
    await stream.return?.(undefined);
    client.dispose();
    receiver.close();

    // What committed, from the log itself: a mutation whose answer failed under overload may still have committed.
    const log = new pg.Client({ connectionString: urlOf(db) });
    await log.connect();
    const committed: number = (await log.query(`SELECT count(*)::int AS n FROM event WHERE type = 'createAccount' AND actor = 'bench'`)).rows[0].n;
    await log.end();
    const row = (name: string, values: number[], of = committed) =>
      `| ${name} | ${values.length}/${of} | ${percentile(values, 50).toFixed(1)} | ${percentile(values, 95).toFixed(1)} | ${percentile(values, 99).toFixed(1)} | ${Math.max(...values).toFixed(1)} |`;
    process.stdout.write(`\nEvent delivery (issue 18): ${total} mutations on process B at ${RATE}/s for ${SECONDS} s (achieved ${achieved.toFixed(1)}/s), two server processes, one database\n`);
    process.stdout.write('| path | delivered / events committed | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n');
    process.stdout.write(`${row('mutation answer (send → answer)', mutationMs, total)}\n`);
    if (refused.length) process.stdout.write(`| mutations refused | ${refused.length}/${total} (${[...new Set(refused)].join(', ')}) | | | | |\n`);
    process.stdout.write(`${row('event → subscriber on process A (SSE)', toSubscriber)}\n`);
    process.stdout.write(`${row('event → webhook receiver (pg-boss)', toWebhook)}\n`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    // Whatever happens, leave no server behind: SIGKILL after 30 s.
    const kill = setTimeout(() => children.forEach((c) => c.kill('SIGKILL')), 30_000);
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)))));
    clearTimeout(kill);
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
