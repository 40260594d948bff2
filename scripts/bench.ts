/**
 * npm run bench: speed and memory numbers, printed (targets live here, not in
 * timed unit tests). Uses a throwaway embedded PostgreSQL, or the server in
 * BENCH_DATABASE_URL (it creates and drops its own databases there).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../src/db/data-source';
import { freePort, startEmbeddedServer } from '../src/db/embedded-server';
import { loadUnitRegistry } from '../src/import/registry-file';
import { importFiles, parseFiles, seedDocuments } from '../src/importer/import-files';
import { createApp } from '../src/server/app';

const SEEDS = path.join(__dirname, '..', 'seeds');
const FLAGSHIP = `{ tasks(where: { coUnits: { some: { name: { eq: "区经济信息委" } } }, leaders: { some: { name: { eq: "凌健" } } } }) {
  totalCount nodes { number year category { name } content leadUnits { name } coUnits { name } } } }`;

const ms = (ns: bigint) => Number(ns) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
async function time<T>(run: () => Promise<T> | T): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await run();
  return [ms(process.hrtime.bigint() - start), value];
}

async function main() {
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-'));
  if (!serverUrl) {
    fs.chmodSync(tmp, 0o755);
    const server = await startEmbeddedServer({ dataDir: path.join(tmp, 'pg'), port: await freePort(), database: 'bench' });
    serverUrl = server.url;
    stopServer = server.stop;
  }
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const adminClient = new Client({ connectionString: admin.toString() });
  await adminClient.connect();
  const freshDatabase = async (name: string) => {
    await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminClient.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const ds = createDataSource(url.toString());
    await ds.initialize();
    await ds.runMigrations();
    return ds;
  };

  const registry = loadUnitRegistry(path.join(SEEDS, 'units.json'));
  const files = seedDocuments(SEEDS);
  const lines: string[] = [];
  const report = (name: string, value: string) => lines.push(`${name.padEnd(48)} ${value}`);

  const parseTimes: number[] = [];
  for (let i = 0; i < 20; i++) parseTimes.push((await time(() => parseFiles(files, registry)))[0]);
  report('parse both seed documents (median of 20)', `${median(parseTimes).toFixed(1)} ms`);

  const importTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const ds = await freshDatabase(`bench_import_${i}`);
    importTimes.push((await time(() => importFiles(ds, files, registry)))[0]);
    await ds.destroy();
    await adminClient.query(`DROP DATABASE bench_import_${i} WITH (FORCE)`);
  }
  report('import both into an empty database (median of 5)', `${median(importTimes).toFixed(0)} ms (min ${Math.min(...importTimes).toFixed(0)}, max ${Math.max(...importTimes).toFixed(0)})`);

  const ds = await freshDatabase('bench_api');
  await importFiles(ds, files, registry);
  const { app, apollo } = await createApp({ dataSource: ds, exposeSql: true, log: () => undefined });
  const server = http.createServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = async (query: string, variables?: object) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return response.json() as Promise<any>;
  };

  for (let i = 0; i < 30; i++) await post(FLAGSHIP);
  const flagship: number[] = [];
  let statements = 0;
  for (let i = 0; i < 300; i++) {
    const [t, body] = await time(() => post(FLAGSHIP));
    flagship.push(t);
    statements = body.extensions.sql.length;
  }
  report('flagship query over HTTP (300 sequential)', `median ${median(flagship).toFixed(2)} ms, p95 ${pct(flagship, 0.95).toFixed(2)} ms, ${statements} SQL statements`);

  const workloadsQuery = `query($after: String) { workloads(year: 2024, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { unit { name } lead co total } } }`;
  const walk: number[] = [];
  for (let i = 0; i < 20; i++) {
    walk.push(
      (
        await time(async () => {
          let after: string | null = null;
          do {
            const body: any = await post(workloadsQuery, { after });
            after = body.data.workloads.pageInfo.hasNextPage ? body.data.workloads.pageInfo.endCursor : null;
          } while (after);
        })
      )[0],
    );
  }
  report('all 2024 workloads, pages of 100 (median of 20)', `${median(walk).toFixed(2)} ms`);

  const three = `{ leaders { name tasks(first: 50) { nodes { number leadUnits { name } coUnits { name } progress { status } } } } }`;
  const threeTimes: number[] = [];
  for (let i = 0; i < 50; i++) threeTimes.push((await time(() => post(three)))[0]);
  report('three-level query, 145 tasks (median of 50)', `${median(threeTimes).toFixed(2)} ms, ${(await post(three)).extensions.sql.length} SQL statements`);
  report('process memory after the run (RSS / heap used)', `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB / ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

  server.close();
  await apollo.stop();
  await ds.destroy();
  await adminClient.query('DROP DATABASE bench_api WITH (FORCE)');
  await adminClient.end();
  await stopServer();
  fs.rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(`duban benchmark (${os.cpus().length} cores, node ${process.version})\n${lines.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
