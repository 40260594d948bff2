/**
 * npm start: listen at once (/health says "starting"), then the database
 * (embedded unless DATABASE_URL), migrations, the seed documents still
 * missing, and the API on PORT (default 4000).
 *
 * SIGTERM / SIGINT: /health turns 503, no new connections are accepted,
 * requests in flight finish (bounded by DUBAN_SHUTDOWN_GRACE_MS), the pool is
 * closed, the embedded PostgreSQL is stopped if no other process of this
 * checkout still uses it, and the process exits 0.
 */
import 'reflect-metadata';
import http from 'node:http';
import path from 'node:path';
import { seedsDir } from '../db/config';
import { connectDatabase, type Database } from '../db/connect';
import { seedMissing } from '../import/writer/seed';
import { summariseImport } from './import-summary';
import type { ImportResult } from '../import/writer/import-result';
import { createApp } from './app';
import type { Lifecycle } from './health';
import { limitsFromEnv } from './limits';
import { authFromEnv } from '../auth/auth-settings';
import { webhooksFromEnv } from '../webhooks/webhook-settings';
import { remindersFromEnv } from '../reminders/reminder-ticker';
import { createLogger } from './logger';

const logger = createLogger();

// The seed documents' warnings (46 on the 2021 report) are known quirks of real
// documents, nothing to act on at start-up: the start logs their count, one
// line each only at debug, and says where they are kept.
const WHERE_WARNINGS = 'Their import warnings are kept on each document (GraphiQL: { plans { documents { title warnings { line message } } } }); LOG_LEVEL=debug logs one line each.';
const warningCount = (results: ImportResult[]) => results.reduce((n, r) => n + r.warnings, 0);

function logSeedWarnings(results: ImportResult[]): void {
  for (const r of results) {
    for (const w of r.warningMessages) logger.debug({ event: 'seed_warning', file: path.basename(r.file), line: w.line }, `${path.basename(r.file)}:${w.line}: ${w.message}`);
  }
}

/** Until the app is ready: /health and every other request get a JSON 503 (retry later). */
function startingHandler(lifecycle: Lifecycle): http.RequestListener {
  return (req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end(
      req.url?.startsWith('/health')
        ? JSON.stringify({ status: lifecycle.phase })
        : JSON.stringify({ errors: [{ message: `duban is ${lifecycle.phase}; retry shortly.`, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } }] }),
    );
  };
}

function listen(server: http.Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use by another program; set PORT to a free port.`) : error),
    );
    server.listen(port, host, () => resolve());
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const limits = limitsFromEnv();
  const auth = authFromEnv();
  const webhooks = webhooksFromEnv();
  const reminders = remindersFromEnv();
  const port = Number(process.env.PORT || 4000);
  const host = process.env.HOST || undefined;
  const graceMs = Number(process.env.DUBAN_SHUTDOWN_GRACE_MS || 10000);
  const lifecycle: Lifecycle = { phase: 'starting' };

  let handler: http.RequestListener = startingHandler(lifecycle);
  const server = http.createServer((req, res) => handler(req, res));
  let database: Database | undefined;
  let app: { stop(graceMs?: number): Promise<void> } | undefined;

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      lifecycle.phase = 'stopping';
      logger.info({ event: 'shutdown', signal }, `${signal}: stopping (in-flight requests get up to ${graceMs} ms)`);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(grace);
      await startup.catch(() => undefined);
      // Apollo, then the event fan-out and the job queue (running deliveries finish or are handed back).
      // Bounded: a stop that cannot finish (the database gone) must not keep the process from exiting.
      const stopped = app?.stop(graceMs);
      const bound = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs + 5000).unref());
      if ((await Promise.race([stopped, bound])) === 'late') logger.warn({ event: 'stop_late' }, `the API and job queue did not stop within ${graceMs + 5000} ms; exiting anyway (unfinished jobs are retried by another process)`);
      // Resolves once the embedded postmaster's process is gone, not only its pid file.
      const postmaster = await database?.close();
      logger.info({ event: 'stopped', ...(postmaster ? { postmaster } : {}) }, 'stopped');
      process.exit(0);
    })().catch((error) => {
      logger.fatal({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await listen(server, port, host);
  const startup = (async () => {
    database = await connectDatabase({
      pool: { statementTimeoutMs: limits.statementTimeoutMs, acquireTimeoutMs: limits.poolAcquireTimeoutMs, size: limits.poolSize },
      notice: (message, level = 'warn') => logger[level]({ event: 'database' }, message),
    });
    if (stopping) return;
    const seeded = await seedMissing(database.dataSource, seedsDir());
    if (seeded) logSeedWarnings(seeded.results);
    if (seeded?.kind === 'seeded') {
      logger.info(
        { event: 'seeded', imported: seeded.imported, warnings: warningCount(seeded.results) },
        `Seeded the empty database: ${summariseImport(seeded.results)}. ${WHERE_WARNINGS}`,
      );
    }
    if (seeded?.kind === 'resumed') {
      logger.warn(
        { event: 'seed_resumed', imported: seeded.imported, present: seeded.present },
        `An earlier seeding was interrupted: imported the ${seeded.imported.length} missing seed document(s) ${seeded.imported.join(', ')}: ${summariseImport(seeded.results)}. ${WHERE_WARNINGS}`,
      );
    }
    if (stopping) return;
    const created = await createApp({ dataSource: database.dataSource, logger, limits, lifecycle, auth, webhooks, reminders });
    app = created;
    handler = created.app;
    lifecycle.phase = 'ready';
    logger.info(
      { event: 'ready', port, readyMs: Date.now() - started },
      `duban ready in ${Date.now() - started} ms: http://localhost:${port}/graphql (GraphiQL in a browser), health at /health, metrics at /metrics`,
    );
  })();
  try {
    await startup;
  } catch (error) {
    // Leave the embedded cluster as we found it before reporting the failure.
    await database?.close().catch(() => undefined);
    throw error;
  }
}

main().catch(async (error) => {
  logger.fatal({ err: error }, `duban failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
