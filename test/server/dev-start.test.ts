import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '../../src/db/embedded-server';
import {
  FLAGSHIP,
  type ServerProcess,
  graphql,
  isReady,
  killGroup,
  postgresProcessesOn,
  processGroupMembers,
  startServer,
  tempFolder,
} from './processes';

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * `npm run start:dev` under a process manager: SIGTERM goes to npm. The
 * script must `exec` ts-node like `npm start` execs node: with a shell in
 * between, npm exited 143 and the server kept running under init, holding its
 * port and its registration in `<data>.clients/`, so the embedded PostgreSQL
 * was never stopped.
 */
describe('npm run start:dev (ts-node) and SIGTERM', () => {
  let server: ServerProcess | undefined;
  let dir: string;

  afterAll(() => {
    if (server) killGroup(server);
    for (const pid of postgresProcessesOn(path.join(dir, 'pg'))) process.kill(pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops the server and its embedded PostgreSQL, and npm exits 0 with nothing left in its process group', async () => {
    dir = tempFolder('duban-dev-');
    const port = await freePort();
    server = startServer({ PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), DUBAN_DATA_DIR: path.join(dir, 'pg') }, 'npm-dev');
    await server.waitFor(isReady, 110000);
    expect((await graphql(server.origin, FLAGSHIP)).body.data.tasks.totalCount).toBe(9);
    expect(postgresProcessesOn(path.join(dir, 'pg')).length).toBeGreaterThan(0);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.lines.some((l) => l.json?.event === 'stopped')).toBe(true);
    expect(processGroupMembers(server.child.pid!)).toEqual([]);
    expect(await listening(port)).toBe(false);
    expect(fs.readdirSync(`${path.join(dir, 'pg')}.clients`)).toEqual([]);
    expect(postgresProcessesOn(path.join(dir, 'pg'))).toEqual([]);
  }, 150000);
});
