import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort } from '../../src/db/embedded-server';
import { PLAN_2024, REPORT_2021, SEEDS_DIR } from '../support/seeds';
import {
  FLAGSHIP,
  type ServerProcess,
  buildServer,
  graphql,
  isReady,
  killGroup,
  postgresProcessesOn,
  runImport,
  runningPostmaster,
  startServer,
  tempFolder,
} from './processes';

/**
 * The production server as a process, on its own embedded PostgreSQL:
 * start, share, crash, stop. Real processes and real clusters; each step
 * checks the database the server really uses.
 */
describe('server process lifecycle (embedded PostgreSQL)', () => {
  const started: ServerProcess[] = [];
  const folders: string[] = [];
  let pgPort: number;

  beforeAll(async () => {
    buildServer();
    pgPort = await freePort();
  });

  afterAll(async () => {
    for (const server of started) killGroup(server);
    for (const dir of folders) {
      for (const pid of postgresProcessesOn(path.join(dir, 'pg'))) process.kill(pid, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  async function start(dir: string, env: Record<string, string> = {}, via: 'node' | 'npm' = 'node'): Promise<ServerProcess> {
    const server = startServer({ PORT: String(await freePort()), EMBEDDED_PG_PORT: String(pgPort), DUBAN_DATA_DIR: path.join(dir, 'pg'), ...env }, via);
    started.push(server);
    return server;
  }

  function folder(): string {
    const dir = tempFolder('duban-life-');
    folders.push(dir);
    return dir;
  }

  const flagshipCount = async (server: ServerProcess) => (await graphql(server.origin, FLAGSHIP)).body.data?.tasks.totalCount;

  it('reports 503 while starting, shares its cluster with the CLI and with nobody else, recovers from kill -9 and stops cleanly on SIGTERM', async () => {
    const dirA = folder();
    const a = await start(dirA);
    // /health answers before the database is ready, with 503.
    let first: { status: number; body: any } | undefined;
    for (let i = 0; i < 400 && !first; i += 1) {
      first = await fetch(`${a.origin}/health`)
        .then(async (r) => ({ status: r.status, body: await r.json() }))
        .catch(() => undefined);
      if (!first) await new Promise((r) => setTimeout(r, 25));
    }
    expect(first).toEqual({ status: 503, body: { status: 'starting' } });
    await a.waitFor(isReady);
    expect(await flagshipCount(a)).toBe(9);
    const clusterA = runningPostmaster(path.join(dirA, 'pg'))!;
    expect(clusterA.port).toBe(pgPort);

    // `npm run import` beside the running server: same cluster, and the server keeps working after the CLI exits.
    const imported = await runImport(['--json', PLAN_2024], { EMBEDDED_PG_PORT: String(pgPort), DUBAN_DATA_DIR: path.join(dirA, 'pg') });
    expect(imported).toMatchObject({ code: 0 });
    expect([JSON.parse(imported.stdout)].flat()[0]).toMatchObject({ status: 'unchanged' });
    expect(runningPostmaster(path.join(dirA, 'pg'))?.pid).toBe(clusterA.pid);
    expect(await flagshipCount(a)).toBe(9);

    // A second checkout configured with the same embedded port gets its own cluster on a free port, and says so.
    const dirB = folder();
    const b = await start(dirB);
    await b.waitFor(isReady);
    expect(b.lines.some((l) => /Port \d+ is taken by another program; .* uses port \d+ instead/.test(l.json?.msg ?? ''))).toBe(true);
    const clusterB = runningPostmaster(path.join(dirB, 'pg'))!;
    expect(clusterB.port).not.toBe(pgPort);
    expect(clusterB.pid).not.toBe(clusterA.pid);
    expect(await flagshipCount(b)).toBe(9);

    // SIGTERM while a request is in flight (its body half sent): the request is
    // answered, then the process exits 0 and B's PostgreSQL is gone; A is untouched.
    const body = Buffer.from(JSON.stringify({ query: FLAGSHIP }));
    const inFlight = new Promise<{ status?: number; text: string }>((resolve, reject) => {
      const request = http.request(`${b.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, text }));
      });
      request.on('error', reject);
      request.write(body.subarray(0, 10));
      setTimeout(() => {
        b.child.kill('SIGTERM');
        setTimeout(() => request.end(body.subarray(10)), 300);
      }, 100);
    });
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text).data.tasks.totalCount).toBe(9);
    expect(await b.exited).toEqual({ code: 0, signal: null });
    expect(b.lines.some((l) => l.json?.event === 'shutdown' && l.json?.signal === 'SIGTERM')).toBe(true);
    expect(postgresProcessesOn(path.join(dirB, 'pg'))).toEqual([]);
    expect(await flagshipCount(a)).toBe(9);

    // kill -9: the cluster is orphaned; the next start — the real `npm start`, as a process manager
    // runs it — adopts it, serves, and stops it when npm gets SIGTERM.
    a.child.kill('SIGKILL');
    await a.exited;
    expect(runningPostmaster(path.join(dirA, 'pg'))?.pid).toBe(clusterA.pid);
    const again = await start(dirA, {}, 'npm');
    await again.waitFor(isReady);
    expect(await flagshipCount(again)).toBe(9);
    again.child.kill('SIGTERM');
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(postgresProcessesOn(path.join(dirA, 'pg'))).toEqual([]);
  });

  it('after an interrupted seeding and a kill -9 of the server and its PostgreSQL, recovers the stale cluster and imports the missing seeds', async () => {
    const dir = folder();
    // The state an interrupted first start leaves: the first seed document committed, the second not.
    const partialSeeds = path.join(dir, 'seeds');
    fs.mkdirSync(partialSeeds);
    for (const file of ['units.json', path.basename(PLAN_2024)]) fs.copyFileSync(path.join(SEEDS_DIR, file), path.join(partialSeeds, file));
    const first = await start(dir, { DUBAN_SEEDS_DIR: partialSeeds });
    await first.waitFor(isReady);
    const cluster = runningPostmaster(path.join(dir, 'pg'))!;
    first.child.kill('SIGKILL');
    process.kill(cluster.pid, 'SIGKILL');
    await first.exited;
    for (let i = 0; i < 100 && postgresProcessesOn(path.join(dir, 'pg')).length; i += 1) await new Promise((r) => setTimeout(r, 50));
    for (const pid of postgresProcessesOn(path.join(dir, 'pg'))) process.kill(pid, 'SIGKILL');
    expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(true);

    const second = await start(dir);
    await second.waitFor(isReady);
    expect(second.lines.some((l) => /stale postmaster\.pid/.test(l.json?.msg ?? ''))).toBe(true);
    const resumed = second.lines.find((l) => l.json?.event === 'seed_resumed');
    expect(resumed?.json).toMatchObject({ imported: [path.basename(REPORT_2021)], present: [path.basename(PLAN_2024)] });
    expect(resumed?.json?.msg).toMatch(/earlier seeding was interrupted/);
    expect(await flagshipCount(second)).toBe(9);
    const { body } = await graphql(second.origin, `{ tasks(where: { year: { eq: 2021 } }) { totalCount } }`);
    expect(body.data.tasks.totalCount).toBeGreaterThan(0);
    second.child.kill('SIGINT');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(postgresProcessesOn(path.join(dir, 'pg'))).toEqual([]);
  });
});
