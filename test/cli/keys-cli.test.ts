import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startApiServer, type ApiServer } from '../support/api-server';

const ROOT = path.join(__dirname, '..', '..');

/** `npm run keys -- …` as an operator runs it (the ts-node entry point), against the test server's database. */
async function keys(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register', path.join(ROOT, 'src/cli/keys.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run keys', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer({ auth: { cacheMs: 200 } });
  });
  afterAll(() => api.stop());

  it('bootstraps a fresh install: create prints the key alone on its last line, list shows it, revoke stops it', async () => {
    const admin = await keys(['create', '--role', 'ADMIN', '--name', '督查办'], api.db.url);
    expect(admin.code).toBe(0);
    const token = admin.stdout.trimEnd().split('\n').at(-1)!;
    expect(token).toMatch(/^duban_[0-9a-f]{8}_[\w-]{43}$/);
    expect((await api.gql(`{ viewer { role account { name } } }`, {}, token)).data.viewer).toEqual({ role: 'ADMIN', account: { name: '督查办' } });

    const unit = await keys(['create', '--role', 'UNIT', '--unit', '区经信委', '--name', '经信委联络员', '--expires', '2099-12-31'], api.db.url);
    expect(unit.code).toBe(0);
    expect(unit.stdout).toMatch(/^created account 2 \(UNIT for 区经济信息委\) "经信委联络员" with API key [0-9a-f]{8}, expires 2099-12-31T00:00:00.000Z; the key is shown once:\n/);
    const leader = await keys(['create', '--role', 'LEADER', '--leader', '凌健', '--name', '凌健'], api.db.url);
    expect(leader.code).toBe(0);

    const list = await keys(['list'], api.db.url);
    const prefix = token.slice(6, 14);
    expect(list.stdout.split('\n')[0]).toBe('prefix\tstatus\texpires\taccount\trole\tfor\tname');
    expect(list.stdout).toContain(`${prefix}\tactive\t-\taccount 1\tADMIN\t-\t督查办`);
    expect(list.stdout).toContain('\t2099-12-31T00:00:00.000Z\taccount 2\tUNIT\t区经济信息委\t经信委联络员');
    expect(list.stdout).not.toContain(token.slice(15));

    const revoked = await keys(['revoke', prefix], api.db.url);
    expect(revoked).toEqual({ code: 0, stdout: `revoked API key ${prefix}\n`, stderr: '' });
    // Another process revoked it: the server's cached copy is trusted for DUBAN_AUTH_CACHE_MS at most.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await api.gql(`{ viewer { role } }`, {}, token)).status).toBe(401);
    const audit = await api.db.dataSource.query(`SELECT actor, action, decision FROM audit_log WHERE actor LIKE 'cli:%' AND action <> 'document.import' ORDER BY id`);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['account.manage', 'account.manage', 'account.manage', 'account.manage', 'account.manage', 'account.manage', 'key.revoke']);
  });

  it('says what is wrong: exit 2 for usage, 1 for a refusal, never a stack trace', async () => {
    const role = await keys(['create', '--role', 'BOSS', '--name', 'x'], api.db.url);
    expect(role.code).toBe(2);
    expect(role.stderr.split('\n')[0]).toBe('--role must be one of ADMIN, OFFICE, UNIT, LEADER, READER');
    expect((await keys([], api.db.url)).stderr.split('\n')[0]).toBe('a command is needed');
    const unit = await keys(['create', '--role', 'UNIT', '--unit', '不存在的单位', '--name', 'x'], api.db.url);
    expect(unit).toMatchObject({ code: 1, stderr: 'There is no unit 不存在的单位.\n' });
    const missing = await keys(['revoke', 'ffffffff'], api.db.url);
    expect(missing).toMatchObject({ code: 1, stderr: 'refused: There is no API key ffffffff. (prefix)\n' });
    const unbound = await keys(['create', '--role', 'UNIT', '--name', 'x'], api.db.url);
    expect(unbound).toMatchObject({ code: 1, stderr: 'refused: A UNIT account needs the unit it acts for. (unit)\n' });
    for (const run of [role, unit, missing, unbound]) expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
