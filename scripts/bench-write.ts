/**
 * npm run bench:write (part of npm run bench): the write path under load.
 *
 * submitProgress at c=10 over HTTP against the compiled app (scripts/bench-server.js,
 * NODE_ENV=production, dist/ built first if its sources changed), beside a raw-SQL
 * floor: plain node:http + pg doing the same write — the progress_report INSERT and
 * its audit_log row in one statement (one implicit transaction) — in one run.
 *
 * Each request writes and submits a new report (a task of a round that has none), so
 * nothing is replayed or refused: the seed's two plans with a round for each of their
 * four periods give every (round, task) pair once, each sent with an API key of a
 * unit that leads the task. duban and the floor each get their own copy of the same
 * database (CREATE DATABASE … TEMPLATE), so both write every pair.
 *
 * BENCH_DATABASE_URL as for npm run bench; BENCH_PORT first of two ports (default 4180).
 * On a shared 2-core machine numbers are noisy: compare the ratio of one run.
 */
import 'reflect-metadata';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { AccountRole } from '../src/auth/account-role';
import { createAccount, createApiKey } from '../src/auth/account.mutations';
import { createDataSource } from '../src/db/data-source';
import { RequestContext } from '../src/graphql/context';
import { toGlobalId } from '../src/graphql/global-id';
import { shellPrincipal } from '../src/graphql/principal';
import { loadUnitRegistry } from '../src/import/registry/registry-file';
import { importFiles, seedDocuments } from '../src/import/writer/import-files';
import { openRound } from '../src/round/open-round.mutation';
import { reportSignals } from '../src/round/report-signals';
import { Section } from '../src/task/section';
import { benchPostgres } from './bench-postgres';

const ROOT = path.join(__dirname, '..');
const TEXT = '一季度已完成年度任务的25%，正在推进二期建设，新增技改项目5个。';
const SUBMIT = `mutation($input: SubmitProgressInput!) { submitProgress(input: $input) { userErrors { code } report { id state } } }`;
const WARM_UP = 100;

/** One write: a (round, task) pair without a report and the key of a unit that leads the task. */
interface Pair {
  round: number;
  task: number;
  unit: number;
  account: number;
  token: string;
}

// ---------------------------------------------------------------- the floor
function runFloor(url: string, port: number) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let statements = 0;
  // The same row duban writes (state, text, derived status and percent with their reasons) and an audit row
  // with the same columns; status and reasons are worked out once by the driver, as they do not vary.
  const text = `WITH r AS (
      INSERT INTO progress_report (round_id, task_id, unit_id, state, text, status, status_reason, percent, percent_reason,
        derived_status, derived_status_reason, derived_percent, derived_percent_reason, corrections, submitted_at)
      VALUES ($1, $2, $3, 'SUBMITTED', $5, $6, $7, $8, $9, $6, $7, $8, $9, '[]', now()) RETURNING *),
    a AS (
      INSERT INTO audit_log (account_id, key_prefix, actor, action, decision, rule, reason, target, before, after, request_id, client_address)
      SELECT $4, 'floor', 'floor', 'report.submit', 'ALLOWED', 'lead-unit-reports', 'submitProgress',
        json_build_object('report', r.id, 'round', r.round_id, 'task', r.task_id, 'unit', r.unit_id)::jsonb, NULL, to_jsonb(r), NULL, NULL FROM r)
    SELECT json_build_object('data', json_build_object('submitProgress', json_build_object('userErrors', '[]'::json,
      'report', json_build_object('id', r.id, 'state', r.state))))::text AS body FROM r`;
  http
    .createServer(async (req, res) => {
      if (req.url === '/__bench') {
        const { user, system } = process.cpuUsage();
        res.end(JSON.stringify({ statements, rss: process.memoryUsage().rss, cpu: user + system }));
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      try {
        const w = JSON.parse(Buffer.concat(chunks).toString());
        statements++;
        const { rows } = await pool.query<{ body: string }>({ name: 'floor_submit', text, values: [w.round, w.task, w.unit, w.account, w.text, w.status, w.statusReason, w.percent, w.percentReason] });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(rows[0].body);
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })
    .listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
}

// ---------------------------------------------------------------- the driver
interface Stats {
  statements: number;
  rss: number;
  cpu: number;
}

function startChild(name: string, args: string[], env: Record<string, string>, base: string): Promise<{ child: ChildProcess; stats: () => Promise<Stats> }> {
  const child = spawn(process.execPath, [...(args[0].endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : []), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        child.removeAllListeners('exit');
        resolve({ child, stats: async () => (await fetch(`${base}/__bench`)).json() as Promise<Stats> });
      }
    });
  });
}

interface Cell {
  rps: number;
  p50: number;
  p99: number;
  perRequest: number;
  cpuMs: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/** `amount` requests at c=`connections`, each taking the next unused pair. */
async function load(url: string, stats: () => Promise<Stats>, pairs: Pair[], body: (p: Pair) => string, auth: boolean, connections: number): Promise<Cell> {
  let next = 0;
  const take = () => pairs[next++];
  const setupRequest = (request: { body?: string; headers?: Record<string, string> }) => {
    const pair = take();
    return { ...request, body: body(pair), headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${pair.token}` } : {}) } };
  };
  const run = (amount: number) => autocannon({ url, method: 'POST', connections, amount, requests: [{ method: 'POST', setupRequest }] } as autocannon.Options) as Promise<autocannon.Result> & autocannon.Instance;
  await run(WARM_UP);
  const before = await stats();
  const latencies: number[] = [];
  const measured = run(pairs.length - WARM_UP);
  measured.on('response', (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms));
  const result = await measured;
  const after = await stats();
  if (result.errors || result.non2xx) throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx responses`);
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.total / (result.duration || 1),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perRequest: (after.statements - before.statements) / result.requests.total,
    cpuMs: (after.cpu - before.cpu) / 1000 / result.requests.total,
  };
}

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 4180);
  const tag = `${process.pid}`;
  const { urlOf, admin, close } = await benchPostgres('duban-bench-write-');
  const dubanDb = `bench_write_${tag}`;
  const floorDb = `bench_write_floor_${tag}`;
  const children: ChildProcess[] = [];
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-changed.js'), '--only=server'], { cwd: ROOT, stdio: 'inherit' });
    await admin.query(`CREATE DATABASE ${dubanDb}`);
    const ds = createDataSource(urlOf(dubanDb));
    await ds.initialize();
    await ds.runMigrations();
    await importFiles(ds, seedDocuments(path.join(ROOT, 'seeds')), loadUnitRegistry(path.join(ROOT, 'seeds', 'units.json')));
    const shell = new RequestContext(ds, shellPrincipal('bench'));
    for (const plan of await ds.query(`SELECT id FROM plan ORDER BY id`)) {
      for (const period of ['一季度', '上半年', '前三季度', '全年']) {
        const opened = await openRound(shell, { planId: plan.id, period, opensOn: '2000-01-01', dueOn: '2099-12-31' });
        if (opened.userErrors.length) throw new Error(JSON.stringify(opened.userErrors));
      }
    }
    // One UNIT key per lead unit; each task is written by its first lead unit.
    const leads: { task: number; unit: number }[] = await ds.query(`SELECT DISTINCT ON (task_id) task_id AS task, unit_id AS unit FROM assignment WHERE role = 'LEAD' ORDER BY task_id, position`);
    const keys = new Map<number, { account: number; token: string }>();
    for (const unit of new Set(leads.map((l) => l.unit))) {
      const account = await createAccount(shell, { name: `bench unit ${unit}`, role: AccountRole.UNIT, unitId: unit });
      keys.set(unit, { account: account.accountId!, token: (await createApiKey(shell, { accountId: account.accountId! })).token! });
    }
    const rounds: { id: number; plan_id: number }[] = await ds.query(`SELECT id, plan_id FROM reporting_round ORDER BY id`);
    const planOf = new Map((await ds.query(`SELECT id, plan_id FROM task`)).map((t: { id: number; plan_id: number }) => [t.id, t.plan_id]));
    const pairs: Pair[] = rounds.flatMap((r) => leads.filter((l) => planOf.get(l.task) === r.plan_id).map((l) => ({ round: r.id, task: l.task, unit: l.unit, ...keys.get(l.unit)! })));
    // The floor's derived values, by the rules duban applies to the same text.
    const signals = reportSignals(TEXT, { section: Section.KEY_TASK, title: null, content: '' }, {}, null);
    await ds.query('ANALYZE');
    await ds.destroy();
    await admin.query(`CREATE DATABASE ${floorDb} TEMPLATE ${dubanDb}`);

    const limits = { DUBAN_RATE_LIMIT_PER_KEY: '1000000000', DUBAN_RATE_LIMIT_ANONYMOUS: '1000000000' };
    const duban = await startChild('duban', ['scripts/bench-server.js'], { DATABASE_URL: urlOf(dubanDb), PORT: String(port), NODE_OPTIONS: '--max-semi-space-size=32', ...limits }, `http://127.0.0.1:${port}`);
    children.push(duban.child);
    const floor = await startChild('floor', ['scripts/bench-write.ts', 'floor', urlOf(floorDb), String(port + 1)], {}, `http://127.0.0.1:${port + 1}`);
    children.push(floor.child);

    const dubanBody = (p: Pair) => JSON.stringify({ query: SUBMIT, variables: { input: { round: toGlobalId('Round', p.round), task: toGlobalId('Task', p.task), text: TEXT } } });
    const floorBody = (p: Pair) =>
      JSON.stringify({ round: p.round, task: p.task, unit: p.unit, account: p.account, text: TEXT, status: signals.status, statusReason: signals.statusReason, percent: signals.percent, percentReason: signals.percentReason });
    // The answers agree before anything is timed: the first pair, written by both.
    const first = pairs.shift()!;
    const mine = await (await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${first.token}` }, body: dubanBody(first) })).json();
    const theirs = await (await fetch(`http://127.0.0.1:${port + 1}/`, { method: 'POST', body: floorBody(first) })).json();
    const shape = (a: { data: { submitProgress: { userErrors: unknown[]; report: { state: string } } } }) => [a.data.submitProgress.userErrors, a.data.submitProgress.report.state];
    if (JSON.stringify(shape(mine)) !== JSON.stringify(shape(theirs))) throw new Error(`duban and the floor answer differently: ${JSON.stringify(mine)} vs ${JSON.stringify(theirs)}`);

    const d = await load(`http://127.0.0.1:${port}/graphql`, duban.stats, pairs, dubanBody, true, 10);
    const f = await load(`http://127.0.0.1:${port + 1}/`, floor.stats, pairs, floorBody, false, 10);
    const check = new pg.Client({ connectionString: urlOf(dubanDb) });
    await check.connect();
    const [{ n }] = (await check.query(`SELECT count(*)::int AS n FROM progress_report WHERE state = 'SUBMITTED'`)).rows;
    await check.end();
    if (n !== pairs.length + 1) throw new Error(`duban wrote ${n} reports for ${pairs.length + 1} requests`);

    const cell = (c: Cell) => `${c.rps.toFixed(0).padStart(6)} ${c.p50.toFixed(2).padStart(6)} ${c.p99.toFixed(1).padStart(6)} ${c.perRequest.toFixed(1).padStart(5)} ${c.cpuMs.toFixed(2).padStart(6)}`;
    const cols = `${'req/s'.padStart(6)} ${'p50'.padStart(6)} ${'p99'.padStart(6)} ${'SQL/r'.padStart(5)} ${'CPU/r'.padStart(6)}`;
    process.stdout.write(
      `submitProgress vs raw-SQL floor (${os.cpus().length} cores, node ${process.version}, c=10, ${pairs.length - WARM_UP} writes each after ${WARM_UP} warm-up; latencies in ms; ` +
        `CPU/r: server process CPU ms per request; SQL/r: statements per request, BEGIN/COMMIT included)\n` +
        `${'server'.padEnd(8)} | ${cols}\n${'duban'.padEnd(8)} | ${cell(d)}\n${'floor'.padEnd(8)} | ${cell(f)}\n` +
        `duban: ${((100 * d.rps) / f.rps).toFixed(0)}% of the floor's req/s, p50 ${(d.p50 / f.p50).toFixed(1)}× the floor's\n`,
    );
  } finally {
    for (const child of children) child.kill();
    await new Promise((r) => setTimeout(r, 300));
    if (!process.env.BENCH_KEEP) {
      await admin.query(`DROP DATABASE IF EXISTS ${floorDb} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${dubanDb} WITH (FORCE)`);
    }
    await close();
  }
}

if (process.argv[2] === 'floor') runFloor(process.argv[3], Number(process.argv[4]));
else
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
