import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/db/embedded-server';
import { type ServerProcess, buildServer, isReady, killGroup, postgresProcessesOn, runningPostmaster, startServer, tempFolder } from './processes';

/** What /proc says of a pid: its state letter (R, S, Z for a zombie …), or null when there is no such process. */
function processState(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
  } catch {
    return null;
  }
}

/**
 * Issue 20 item 5: a server that stopped its embedded PostgreSQL logs
 * "stopped" and exits only once the postmaster process is gone — not merely
 * its postmaster.pid — so a process manager restarting at once cannot race it.
 */
describe('shutdown waits for the postmaster', () => {
  let server: ServerProcess | undefined;
  const dir = tempFolder('duban-stop-');
  beforeAll(() => buildServer());
  afterAll(() => {
    if (server) killGroup(server);
    for (const pid of postgresProcessesOn(path.join(dir, 'pg'))) process.kill(pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('after SIGTERM the postmaster is no longer running when the server process has exited', async () => {
    server = startServer({ PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), DUBAN_DATA_DIR: path.join(dir, 'pg') });
    await server.waitFor(isReady, 60_000);
    const postmaster = runningPostmaster(path.join(dir, 'pg'))!;
    expect(processState(postmaster.pid)).toMatch(/[RSD]/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    // Checked the moment the exit is seen: not running, and not a zombie either (kill(pid, 0) would still succeed).
    expect([postmaster.pid, processState(postmaster.pid) ?? 'gone']).toEqual([postmaster.pid, 'gone']);
    expect(() => process.kill(postmaster.pid, 0)).toThrow(/ESRCH/);
    const stopped = server.lines.find((l) => l.json?.event === 'stopped');
    expect(stopped?.json).toMatchObject({ event: 'stopped', postmaster: { pid: postmaster.pid, exited: true, reaped: true } });
    expect(postgresProcessesOn(path.join(dir, 'pg'))).toEqual([]);
  });
});
