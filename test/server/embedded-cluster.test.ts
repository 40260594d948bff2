import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedServer } from '../../src/db/embedded-server';
import { tempFolder } from './processes';

/** Any running PostgreSQL postmaster on this machine (the test server itself is one). */
function somePostmasterPid(): number | undefined {
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (/\/postgres$/.test(cmd[0]) && cmd.includes('-D')) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

describe('embedded cluster ownership', () => {
  it('refuses a running PostgreSQL whose data_directory is not this data folder, even when its postmaster.pid says so', async () => {
    const pid = somePostmasterPid();
    expect(pid).toBeDefined();
    const port = Number(new URL(process.env.TEST_DATABASE_URL!).port || 5432);
    const dir = tempFolder('duban-foreign-');
    const dataDir = path.join(dir, 'pg');
    fs.mkdirSync(dataDir);
    // A postmaster.pid naming a live postmaster and the port of a cluster that is not ours.
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), `${pid}\n${dataDir}\n0\n${port}\n\n127.0.0.1\n0\nready\n`);
    try {
      await expect(startEmbeddedServer({ dataDir, port, database: 'duban' })).rejects.toThrow(
        new RegExp(`The PostgreSQL on port ${port} serves .*, not this checkout's ${dataDir}; refusing to use it`),
      );
      expect(fs.readdirSync(`${dataDir}.clients`)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
