import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedServer } from '../src/db/embedded-server';

export interface BenchPostgres {
  /** The URL of database `db` on the bench's server. */
  urlOf(db: string): string;
  /** A connection to the server's `postgres` database, for CREATE/DROP DATABASE. */
  admin: pg.Client;
  /** Closes `admin`, stops the throwaway cluster if one was started, removes its folder. */
  close(): Promise<void>;
}

/** The benchmarks' PostgreSQL: BENCH_DATABASE_URL's server, else a throwaway embedded cluster in a temp folder. */
export async function benchPostgres(folderPrefix: string): Promise<BenchPostgres> {
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  if (!serverUrl) {
    fs.chmodSync(tmp, 0o755);
    const server = await startEmbeddedServer({ dataDir: path.join(tmp, 'pg'), port: await freePort(), database: 'bench' });
    serverUrl = server.url;
    stopServer = server.stop;
  }
  const urlOf = (db: string) => Object.assign(new URL(serverUrl!), { pathname: `/${db}` }).toString();
  const admin = new pg.Client({ connectionString: urlOf('postgres') });
  admin.on('error', () => undefined);
  await admin.connect();
  return {
    urlOf,
    admin,
    close: async () => {
      await admin.end();
      await stopServer();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
