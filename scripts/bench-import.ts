/**
 * npm run bench:import — parsing and importing at size: rows/s and peak
 * memory for a 10,000- and a 100,000-row plan (the 2024 plan's real key-task
 * rows repeated and renumbered), next to a raw-SQL floor (the same rows
 * written by one bare INSERT … SELECT FROM unnest). Each size runs in a
 * fresh child process so its peak memory is its own. Uses a throwaway
 * embedded PostgreSQL, or the server in BENCH_DATABASE_URL (it creates and
 * drops its own databases there).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../src/db/data-source';
import { freePort, startEmbeddedServer } from '../src/db/embedded-server';
import { parseDocument } from '../src/import/parse-document';
import { loadUnitRegistry } from '../src/import/registry/registry-file';
import { importDocument } from '../src/import/writer/importer';
import { largePlan } from './large-document';

const SIZES = [10_000, 100_000];
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

interface Measured {
  rows: number;
  megabytes: number;
  parseMs: number;
  parsePeak: number;
  importMs: number;
  importPeak: number;
  floorMs: number;
}

/** One size, in this process: parse, then import into a fresh database, then the raw floor. */
async function measure(rows: number, serverUrl: string): Promise<Measured> {
  const registry = loadUnitRegistry(path.join(__dirname, '..', 'seeds', 'units.json'));
  // Warm the JIT on a small plan first, so the 10k figure measures parsing, not compilation.
  parseDocument(largePlan(1_000), 'warm-up.txt', registry);
  const bytes = largePlan(rows);
  let start = process.hrtime.bigint();
  const parsed = parseDocument(bytes, `large-${rows}.txt`, registry);
  const parseMs = Number(process.hrtime.bigint() - start) / 1e6;
  const parsePeak = peakRss();

  const name = `duban_bench_import_${process.pid}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const ds = createDataSource(url.toString());
  try {
    await ds.initialize();
    await ds.runMigrations();
    start = process.hrtime.bigint();
    await importDocument(ds, parsed, registry);
    const importMs = Number(process.hrtime.bigint() - start) / 1e6;
    const importPeak = peakRss();

    const items = parsed.sections.flatMap((s) => s.items);
    await ds.query(`CREATE TABLE floor (number int, content text, line int)`);
    start = process.hrtime.bigint();
    await ds.query(`INSERT INTO floor SELECT * FROM unnest($1::int[], $2::text[], $3::int[])`, [
      items.map((i) => i.number),
      items.map((i) => i.content),
      items.map((i) => i.line),
    ]);
    const floorMs = Number(process.hrtime.bigint() - start) / 1e6;
    return { rows, megabytes: bytes.length / 1024 / 1024, parseMs, parsePeak, importMs, importPeak, floorMs };
  } finally {
    await ds.destroy().catch(() => undefined);
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}

async function main() {
  const child = process.argv.indexOf('--child');
  if (child >= 0) {
    const result = await measure(Number(process.argv[child + 1]), process.argv[child + 2]);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-import-'));
  try {
    if (!serverUrl) {
      fs.chmodSync(tmp, 0o755);
      const server = await startEmbeddedServer({ dataDir: path.join(tmp, 'pg'), port: await freePort(), database: 'bench' });
      serverUrl = server.url;
      stop = server.stop;
    }
    const lines = ['import at size (one transaction per document; peak = max RSS of a fresh process per size)'];
    const measured: Measured[] = [];
    for (const rows of SIZES) {
      const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, '--child', String(rows), serverUrl], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      const m = JSON.parse(out.trim().split('\n').pop()!) as Measured;
      measured.push(m);
      const rate = (ms: number) => `${Math.round((m.rows / ms) * 1000).toLocaleString('en')} rows/s`;
      lines.push(
        `${m.rows.toLocaleString('en').padStart(7)} rows (${m.megabytes.toFixed(1)} MB)  parse ${(m.parseMs / 1000).toFixed(2)} s = ${rate(m.parseMs)}, peak ${mib(m.parsePeak)}` +
          ` | import ${(m.importMs / 1000).toFixed(2)} s = ${rate(m.importMs)}, peak ${mib(m.importPeak)}` +
          ` | raw-SQL floor (one INSERT … unnest of number, content, line) ${(m.floorMs / 1000).toFixed(2)} s`,
      );
    }
    const [small, large] = measured;
    const factor = large.rows / small.rows;
    lines.push(
      `linearity: ${factor}× the rows took ${(large.parseMs / small.parseMs).toFixed(1)}× the parse time and ${(large.importMs / small.importMs).toFixed(1)}× the import time (linear = ${factor}×)`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
