import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/db/embedded-server';
import { type ServerProcess, buildServer, isReady, killGroup, postgresProcessesOn, startServer, tempFolder } from './processes';

/**
 * What a person reads when the server starts. The first start logged the
 * seed report as one ~6 KB JSON line of escaped \n (47 warnings listed); a
 * second server of the checkout logged attaching to its own cluster at warn.
 */
describe('start-up log lines', () => {
  const started: ServerProcess[] = [];
  let dir: string;

  beforeAll(() => buildServer());
  afterAll(() => {
    for (const server of started) killGroup(server);
    for (const pid of postgresProcessesOn(path.join(dir, 'pg'))) process.kill(pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds with one short line that counts the warnings and says where they are, and attaches to its own cluster at info', async () => {
    dir = tempFolder('duban-log-');
    const env = { EMBEDDED_PG_PORT: String(await freePort()), DUBAN_DATA_DIR: path.join(dir, 'pg') };
    const first = startServer({ PORT: String(await freePort()), ...env });
    started.push(first);
    await first.waitFor(isReady, 60000);
    const seeded = first.lines.find((l) => l.json?.event === 'seeded')!;
    expect(seeded.raw.length).toBeLessThan(1000);
    expect(seeded.json!.msg).not.toContain('\n');
    expect(seeded.json!.warnings).toBe(47);
    expect(seeded.json!.msg).toMatch(/000_fde355393f881739\.txt: PLAN 2024 as document \d+ \(.*; 1 warning\); 001_756023d8918cde28\.txt: PROGRESS_REPORT 2021-Q1 as document \d+ \(.*; 46 warnings\)/);
    expect(seeded.json!.msg).toContain('warnings { line message }');
    // Nothing on a clean first start needs action.
    expect(first.lines.filter((l) => (l.json?.level ?? 0) >= 40)).toEqual([]);

    const second = startServer({ PORT: String(await freePort()), ...env, LOG_LEVEL: 'debug' });
    started.push(second);
    await second.waitFor(isReady, 60000);
    const attached = second.lines.find((l) => /Using the embedded PostgreSQL already running/.test(l.json?.msg ?? ''));
    expect(attached?.json?.level).toBe(30);
    expect(second.lines.filter((l) => (l.json?.level ?? 0) >= 40)).toEqual([]);

    for (const server of [second, first]) {
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    }
  }, 150000);

  it('logs each seed warning as its own line at debug', async () => {
    const own = tempFolder('duban-log-debug-');
    try {
      const server = startServer({ PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), DUBAN_DATA_DIR: path.join(own, 'pg'), LOG_LEVEL: 'debug' });
      started.push(server);
      await server.waitFor(isReady, 60000);
      const warnings = server.lines.filter((l) => l.json?.event === 'seed_warning');
      expect(warnings).toHaveLength(47);
      expect(warnings[0].json).toMatchObject({ level: 20, file: '000_fde355393f881739.txt', line: 184 });
      expect(warnings[0].json!.msg).toBe('000_fde355393f881739.txt:184: row 13, 协同单位: joined wrapped name 中西部国际交往中心 + 领导小组成员单位 → 中西部国际交往中心领导小组成员单位');
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      for (const pid of postgresProcessesOn(path.join(own, 'pg'))) process.kill(pid, 'SIGKILL');
      fs.rmSync(own, { recursive: true, force: true });
    }
  }, 150000);
});
