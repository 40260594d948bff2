import path from 'node:path';
import { Piscina } from 'piscina';
import type * as AnalyticsWorker from './analytics.worker';

/**
 * The threads graph analytics run on (piscina): betweenness over one very
 * large plan takes seconds, and on the request thread every other request
 * would wait for it. One process-wide pool, started on the first question
 * that needs it.
 *
 * - Two threads at most: a path question is not queued behind a long
 *   betweenness, and two cores are what the machines have.
 * - Not niced (piscina could): on a machine loaded by other programs a
 *   niced thread starved, and the analyst's request ran into the request
 *   timeout; the request thread mostly waits on PostgreSQL and gets the CPU
 *   when it needs it.
 * - Idle threads exit after a minute and never keep the process alive;
 *   results the request thread needs again are kept in graph-cache.ts, not
 *   in the threads.
 * - Compiled (npm start, dist/) the worker is the .js beside this file;
 *   from the TypeScript sources (ts-node, ts-jest) it is the .ts, which the
 *   thread compiles with ts-node (transpile only), since neither ts-node's
 *   hook nor jest's transform reaches into a worker thread.
 */
const FROM_SOURCES = __filename.endsWith('.ts');
const WORKER = path.join(__dirname, `analytics.worker${FROM_SOURCES ? '.ts' : '.js'}`);

let pool: Piscina | undefined;

function analyticsPool(): Piscina {
  pool ??= new Piscina({
    filename: WORKER,
    // Every call names its function; a thread also loads a default one when it starts, and without
    // an existing name piscina falls back to import(), which cannot load the .ts file.
    name: 'centralities',
    execArgv: FROM_SOURCES ? ['--require', require.resolve('ts-node/register/transpile-only')] : [],
    minThreads: 0,
    maxThreads: 2,
    idleTimeout: 60_000,
  });
  return pool;
}

type Analyses = typeof AnalyticsWorker;
type Analysis = { [K in keyof Analyses]: Analyses[K] extends (task: never) => unknown ? K : never }[keyof Analyses];

/** How many times each analysis was sent to a thread in this process: what the graph cache saved shows here. */
const runs = new Map<string, number>();
export function analyticsRuns(name: Analysis): number {
  return runs.get(name) ?? 0;
}

/** Runs one of analytics.worker.ts's functions on an analytics thread. */
export function runOffThread<K extends Analysis>(name: K, task: Parameters<Analyses[K]>[0]): Promise<ReturnType<Analyses[K]>> {
  runs.set(name, (runs.get(name) ?? 0) + 1);
  return analyticsPool().run(task, { name });
}

/** Stops the threads (they are started again on the next question). */
export async function closeAnalyticsPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
