/**
 * npm run bench:graph — how long the analysts' graph takes to build, at seed
 * size and at 50× the seed, next to the raw-SQL floor (the one statement the
 * graph is built from, timed alone). Uses a throwaway embedded PostgreSQL, or
 * the server in BENCH_DATABASE_URL (it creates and drops its own database).
 *
 * 50× the seed, two ways:
 * - "50× database": issue-7's scale generator (scripts/scale-seed.ts) copies
 *   the seed as 49 more districts, so the tables hold 50× the rows and 2024
 *   has 50 plans; one plan's graph is then read from 50× tables, and
 *   units(orderBy: BETWEENNESS, year: 2024) builds all 50 graphs at once.
 * - "one plan 50×": the 2024 plan's rows repeated for 50 renamed districts
 *   in one graph (collective units such as 各镇街 shared, so it stays one
 *   network): 50× the units and edges, the worst case for betweenness.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../src/db/data-source';
import { freePort, startEmbeddedServer } from '../src/db/embedded-server';
import { CollaborationGraph, type TaskUnits } from '../src/graph/collaboration-graph';
import { leaderPath } from '../src/graph/leader-path';
import { closeAnalyticsPool } from '../src/graph/analytics-pool';
import { graphOfPlan, plansOfYear } from '../src/graph/graph-cache';
import { loadPlanVersions, loadTaskUnits } from '../src/graph/graph.sql';
import { RequestContext } from '../src/graphql/context';
import { loadUnitRegistry } from '../src/import/registry/registry-file';
import { importFiles, seedDocuments } from '../src/import/writer/import-files';
import { scaleSeed } from './scale-seed';

const SEEDS = path.join(__dirname, '..', 'seeds');
const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time<T>(run: () => Promise<T> | T): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await run();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}
async function medianOf(run: () => Promise<unknown> | unknown): Promise<number> {
  await run(); // warm-up: JIT and the connection pool, not part of the number
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await time(run))[0]);
  return median(times);
}

async function main() {
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  if (!serverUrl) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-graph-'));
    fs.chmodSync(tmp, 0o755);
    const server = await startEmbeddedServer({ dataDir: path.join(tmp, 'pg'), port: await freePort(), database: 'bench' });
    serverUrl = server.url;
    stopServer = server.stop;
  }
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const adminClient = new Client({ connectionString: admin.toString() });
  await adminClient.connect();
  const name = 'duban_bench_graph';
  await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminClient.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const ds = createDataSource(url.toString());
  await ds.initialize();
  await ds.runMigrations();
  await importFiles(ds, seedDocuments(SEEDS), loadUnitRegistry(path.join(SEEDS, 'units.json')));
  await ds.query('ANALYZE');

  const lines: string[] = [];
  const report = (label: string, value: string) => lines.push(`${label.padEnd(64)} ${value}`);
  const fmt = (x: number) => `${x.toFixed(2)} ms`;

  /** Each phase of building one plan's graph, medians of RUNS. */
  async function phases(label: string, planId: number) {
    const ctx = () => new RequestContext(ds);
    const sqlMs = await medianOf(() => loadTaskUnits(ctx(), [planId]));
    const rows = (await loadTaskUnits(ctx(), [planId])).get(planId)!.tasks;
    const buildMs = await medianOf(() => new CollaborationGraph(rows));
    const someUnit = rows[0].unitIds[0];
    const betweennessMs = await medianOf(() => new CollaborationGraph(rows).centrality(someUnit));
    const louvainMs = await medianOf(() => new CollaborationGraph(rows).community(someUnit));
    const g = new CollaborationGraph(rows);
    report(`${label}: graph`, `${g.order} units, ${g.size} edges, ${rows.length} tasks`);
    report(`${label}: SQL floor (the one statement)`, fmt(sqlMs));
    report(`${label}: graph from rows (JS)`, fmt(buildMs));
    report(`${label}: graph + betweenness, degrees, ranks`, fmt(betweennessMs));
    report(`${label}: graph + Louvain`, fmt(louvainMs));
    report(`${label}: cold total (SQL + graph + centrality)`, fmt(sqlMs + betweennessMs));
  }

  /** A request served from the cache: only the version check runs. */
  async function warm(label: string, planId: number) {
    const [plan] = (await loadPlanVersions(new RequestContext(ds))).filter((p) => p.planId === planId);
    await graphOfPlan(new RequestContext(ds), plan);
    const warmMs = await medianOf(async () => {
      const ctx = new RequestContext(ds);
      const [current] = (await loadPlanVersions(ctx)).filter((p) => p.planId === planId);
      await (await graphOfPlan(ctx, current)).betweennessByUnit();
    });
    report(`${label}: warm request (version check + cached graph)`, fmt(warmMs));
  }

  /** Two leaders' 2024 tasks in a plan (凌健 and 高波 of the seed, or their copy in a scaled district). */
  async function leaderTasks(planId: number): Promise<[number[], number[]]> {
    const rows: { name: string; tasks: number[] }[] = await ds.query(
      `SELECT l.name, array_agg(t.id ORDER BY t.id) AS tasks FROM leader l JOIN task_leader tl ON tl.leader_id = l.id JOIN task t ON t.id = tl.task_id
       WHERE t.plan_id = $1 AND l.name IN ('凌健', '高波') GROUP BY l.name ORDER BY l.name DESC`,
      [planId],
    );
    return [rows[0].tasks, rows[1].tasks];
  }

  /** Query.leaderPath's search on a cached graph: the round trip to an analytics thread and the search there. */
  async function leaderPathTimes(label: string, planId: number) {
    const [from, to] = await leaderTasks(planId);
    const [plan] = (await loadPlanVersions(new RequestContext(ds))).filter((p) => p.planId === planId);
    const graph = await graphOfPlan(new RequestContext(ds), plan);
    for (const include of [true, false]) {
      const ms = await medianOf(() => graph.leaderPath(from, to, 8, include));
      report(`${label}: leaderPath 凌健 → 高波${include ? '' : ' without collectives'} (thread)`, fmt(ms));
    }
  }

  const [plan2024] = await ds.query(`SELECT id, jurisdiction_id FROM plan WHERE year = 2024`);
  await phases('seed, 2024 plan', plan2024.id);
  await warm('seed, 2024 plan', plan2024.id);
  await leaderPathTimes('seed, 2024 plan', plan2024.id);

  const [seedCounts] = await ds.query(`SELECT (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM assignment) AS assignments`);
  const scaleClient = new Client({ connectionString: url.toString() });
  await scaleClient.connect();
  await scaleSeed(scaleClient, 50);
  await scaleClient.query('ANALYZE');
  await scaleClient.end();
  const [bigCounts] = await ds.query(`SELECT (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM assignment) AS assignments, (SELECT count(*)::int FROM plan) AS plans`);
  report('50× database', `${bigCounts.plans} plans, ${bigCounts.tasks} tasks (seed ${seedCounts.tasks}), ${bigCounts.assignments} assignments (seed ${seedCounts.assignments})`);
  await phases('50× database, one 2024 plan', plan2024.id);
  await warm('50× database, one 2024 plan', plan2024.id);
  await leaderPathTimes('50× database, one 2024 plan', plan2024.id);
  // What units(orderBy: BETWEENNESS, year: 2024) does on a cold cache: every 2024 plan's graph and its betweenness.
  // A throwaway DataSource-like key gives a cold cache for each run.
  const yearTimes: number[] = [];
  let plans2024 = 0;
  for (let i = 0; i < RUNS; i++) {
    const cold = Object.create(ds) as typeof ds;
    const ctx = new RequestContext(cold);
    const [ms] = await time(async () => {
      const plans = await plansOfYear(ctx, 2024);
      plans2024 = plans.length;
      await Promise.all((await Promise.all(plans.map((p) => graphOfPlan(ctx, p)))).map((g) => g.betweennessByUnit()));
    });
    yearTimes.push(ms);
  }
  report(`50× database, all ${plans2024} plans of 2024, cold (SQL + graphs + betweenness)`, fmt(median(yearTimes)));

  // One plan 50×: the 2024 rows for 50 renamed districts, collectives shared.
  const rows = (await loadTaskUnits(new RequestContext(ds), [plan2024.id])).get(plan2024.id)!.tasks;
  const collectives = new Set<number>((await ds.query(`SELECT id FROM unit WHERE kind = 'COLLECTIVE'`)).map((r: { id: number }) => r.id));
  const big: TaskUnits[] = [];
  for (let copy = 0; copy < 50; copy++) {
    for (const r of rows) big.push({ taskId: r.taskId + copy * 1_000_000, unitIds: r.unitIds.map((u) => (collectives.has(u) ? u : u + copy * 1_000_000)) });
  }
  const [bigBuildMs, bigGraph] = await time(() => new CollaborationGraph(big));
  const [bigBetweennessMs] = await time(() => bigGraph.centrality(big[0].unitIds[0]));
  const [bigLouvainMs] = await time(() => bigGraph.community(big[0].unitIds[0]));
  // 凌健 of the first district to 高波 of the last: the chain runs through a shared collective.
  const [seedFrom, seedTo] = await leaderTasks(plan2024.id);
  const bigFrom = seedFrom;
  const bigTo = seedTo.map((id) => id + 49 * 1_000_000);
  const bigWithout = CollaborationGraph.without(big, collectives);
  const bigPathMs = await medianOf(() => leaderPath(bigGraph, bigFrom, bigTo, 8));
  const bigPathWithoutMs = await medianOf(() => leaderPath(bigWithout, bigFrom, bigTo, 8));
  report('one plan 50× (50 districts): graph', `${bigGraph.order} units, ${bigGraph.size} edges, ${big.length} tasks`);
  report('one plan 50×: graph from rows (JS)', fmt(bigBuildMs));
  report('one plan 50×: betweenness, degrees, ranks', fmt(bigBetweennessMs));
  report('one plan 50×: Louvain', fmt(bigLouvainMs));
  report(`one plan 50×: leaderPath across districts (${leaderPath(bigGraph, bigFrom, bigTo, 8)?.hops.length ?? 'no'} hops, JS)`, fmt(bigPathMs));
  report(`one plan 50×: leaderPath without collectives (${leaderPath(bigWithout, bigFrom, bigTo, 8) ? 'found' : 'none: only the collectives join the districts'}, JS)`, fmt(bigPathWithoutMs));

  process.stdout.write(`${lines.join('\n')}\n`);
  await closeAnalyticsPool();
  await ds.destroy();
  await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminClient.end();
  await stopServer();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
