import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.join(__dirname, '..', '..');

/** The production entry point, compiled (cached: a no-op when src/ did not change). */
export function buildServer(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-changed.js'), '--only=server'], { cwd: ROOT, stdio: 'ignore' });
}

/** A fresh folder the OS user `postgres` can enter (the embedded cluster runs as it under root). */
export function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  origin: string;
  /** Every line the process wrote, parsed when JSON. */
  lines: { raw: string; json?: Record<string, any> }[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(predicate: (line: { raw: string; json?: Record<string, any> }) => boolean, timeoutMs?: number): Promise<void>;
}

/**
 * The production server with the given environment: by default `npm start` without npm (NODE_ENV=production
 * node dist/src/server/main.js); `via: 'npm'` runs the real `npm start`, as a process manager would, so a
 * signal goes to npm first (npm forwards it to its script, whose shell must not stand in between);
 * `via: 'npm-dev'` the real `npm run start:dev` (the TypeScript sources through ts-node) the same way.
 */
export function startServer(env: Record<string, string>, via: 'node' | 'npm' | 'npm-dev' = 'node'): ServerProcess {
  const port = Number(env.PORT);
  const [command, args] =
    via === 'npm'
      ? ['npm', ['start', '--silent']]
      : via === 'npm-dev'
        ? ['npm', ['run', 'start:dev', '--silent']]
        : [process.execPath, [path.join(ROOT, 'dist', 'src', 'server', 'main.js')]];
  const child = spawn(command, args, {
    // npm in its own process group, so a test can clean up whatever npm left behind (see killGroup).
    detached: via !== 'node',
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: ServerProcess['lines'] = [];
  const waiters = new Set<() => void>();
  const take = (chunk: Buffer) => {
    for (const raw of chunk.toString('utf8').split('\n').filter(Boolean)) {
      let json: Record<string, any> | undefined;
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
      lines.push({ raw, json });
    }
    waiters.forEach((w) => w());
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    port,
    origin: `http://127.0.0.1:${port}`,
    lines,
    exited,
    waitFor(predicate, timeoutMs = 30000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (lines.some(predicate)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const fail = (why: string) => {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`${why}; the server wrote:\n${lines.map((l) => l.raw.slice(0, 3000)).join('\n')}`));
        };
        const timer = setTimeout(() => fail('timed out'), timeoutMs);
        waiters.add(check);
        void exited.then(({ code, signal }) =>
          setTimeout(() => {
            check();
            if (waiters.has(check)) fail(`exited with ${code ?? signal}`);
          }, 10),
        );
        check();
      });
    },
  };
}

export const isReady = (line: { json?: Record<string, any> }) => line.json?.event === 'ready';

/** `npm run import -- …` as a user runs it (ts-node entry point), sharing the server's data folder. */
export async function runImport(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register', path.join(ROOT, 'src/cli/import.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The pid in a data folder's postmaster.pid if that process is alive, else null. */
export function runningPostmaster(dataDir: string): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return { pid, port: Number(lines[3]) };
}

/** Any PostgreSQL process still running on a data folder (by command line). */
export function postgresProcessesOn(dataDir: string): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (cmd[0].endsWith('postgres') && cmd.includes(dataDir)) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export async function graphql(origin: string, query: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json() };
}

export const FLAGSHIP = `{ tasks(where: { coUnits: { some: { name: { eq: "区经济信息委" } } }, leaders: { some: { name: { eq: "凌健" } } } }) { totalCount } }`;

/** The pids of the processes still alive in a process group (what a detached `npm` started). */
export function processGroupMembers(pgid: number): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Kills a server and anything it started in its process group (an `npm start` whose script outlived npm). */
export function killGroup(server: ServerProcess): void {
  try {
    process.kill(server.child.spawnargs[0] === 'npm' ? -server.child.pid! : server.child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}
