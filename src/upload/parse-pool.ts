import path from 'node:path';
import { Piscina } from 'piscina';
import type { ParseAnswer, ParseTask } from './parse.worker';

/**
 * The threads uploads are parsed on (piscina), as analytics-pool.ts does for
 * the graph: reading a Word file of thousands of rows and checking it takes
 * long enough that, on the request thread, every other request would wait.
 * Started on the first upload; idle threads exit after a minute and never
 * keep the process alive. From the TypeScript sources (ts-node, ts-jest) the
 * thread compiles parse.worker.ts with ts-node (transpile only), since
 * neither ts-node's hook nor jest's transform reaches into a worker thread.
 */
const FROM_SOURCES = __filename.endsWith('.ts');
const WORKER = path.join(__dirname, `parse.worker${FROM_SOURCES ? '.ts' : '.js'}`);

let pool: Piscina | undefined;

function parsePool(): Piscina {
  pool ??= new Piscina({
    filename: WORKER,
    // A name that exists: without one piscina falls back to import(), which cannot load the .ts file.
    name: 'parse',
    execArgv: FROM_SOURCES ? ['--require', require.resolve('ts-node/register/transpile-only')] : [],
    minThreads: 0,
    // One thread: uploads are occasional and an office's, and a second thread would double the
    // memory a large document takes while leaving the request thread less of the two cores.
    maxThreads: 1,
    idleTimeout: 60_000,
  });
  return pool;
}

/** Parses an upload on the parse thread; a refused document is an answer with its problems. */
export function parseOffThread(task: ParseTask): Promise<ParseAnswer> {
  return parsePool().run(task, { name: 'parse' });
}

/** Stops the thread (it is started again on the next upload). */
export async function closeParsePool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
