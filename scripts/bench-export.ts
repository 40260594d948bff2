/**
 * npm run bench:export (also the last part of npm run bench): ledger exports
 * (issue 19) beside a raw-SQL floor, in one run.
 *
 * Databases: the seed, and the seed at BENCH_SCALE× (default 50, scale-seed.ts)
 * with each year's copies then folded into ONE plan (the first district's:
 * every task moves there, renumbered 1..N per section), so a single ledger
 * holds 50× the seed's rows — a 50× database's districts are each as large as
 * the seed, and one district's ledger would not show whether memory grows
 * with the rows. ANALYZE runs after seeding.
 *
 * For each ledger (.xlsx and .csv of the 2021 report with its 2021-Q1
 * progress, and of the 2024 plan) a fresh duban process (compiled, as
 * `npm start` runs it: scripts/bench-server.js) serves one GET; the bench
 * reads the whole response and prints the time, the bytes and the server's
 * peak RSS (VmHWM) beside its RSS before the request. The floor is ONE
 * hand-written-shape statement returning the same rows (the export's own
 * row statement without chunking, run through plain pg), read whole: the
 * least PostgreSQL and the driver need to hand over those rows.
 *
 * BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres; the
 * bench creates and drops its own databases) or a throwaway embedded
 * PostgreSQL. BENCH_RUNS runs per cell, median kept (default 3).
 */
import 'reflect-metadata';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../src/db/data-source';
import { freePort } from '../src/db/embedded-server';
import { ledgerRowsSql } from '../src/export/ledger.sql';
import { compile } from '../src/sql/sql';
import { loadUnitRegistry } from '../src/import/registry/registry-file';
import { importFiles, seedDocuments } from '../src/import/writer/import-files';
import { scaleSeed } from './scale-seed';
import { benchPostgres } from './bench-postgres';

const ROOT = path.join(__dirname, '..');

/** Every plan of a year folded into the first district's, renumbered per section in district order. */
async function foldIntoOnePlan(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  // Negative numbers first, so the renumbering never meets the (plan, section, number) unique index half-way.
  await client.query('UPDATE task SET number = -id');
  await client.query(`
    WITH first AS (SELECT DISTINCT ON (year) year, id FROM plan ORDER BY year, jurisdiction_id),
         ranked AS (SELECT t.id, f.id AS plan_id, row_number() OVER (PARTITION BY p.year, t.section ORDER BY p.jurisdiction_id, t.id) AS n
                    FROM task t JOIN plan p ON p.id = t.plan_id JOIN first f ON f.year = p.year)
    UPDATE task t SET plan_id = r.plan_id, number = r.n FROM ranked r WHERE r.id = t.id`);
  await client.query('COMMIT');
  await client.query('ANALYZE');
}

interface Measured {
  ms: number;
  bytes: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function startDuban(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--max-semi-space-size=32', 'scripts/bench-server.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`duban exited with ${code} before it was ready`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
  return child;
}

/** One export from a fresh server: nothing else has raised its peak RSS. */
async function exportOnce(dbUrl: string, port: number, query: string): Promise<Measured> {
  const child = await startDuban(dbUrl, port);
  try {
    // One small request first, so that start-up allocations (schema, pool) are in the "before" figure.
    await (await fetch(`http://127.0.0.1:${port}/health`)).text();
    const before = memoryOf(child.pid!);
    const started = process.hrtime.bigint();
    const response = await fetch(`http://127.0.0.1:${port}/exports/${query}`);
    if (response.status !== 200) throw new Error(`${query}: HTTP ${response.status} ${await response.text()}`);
    let bytes = 0;
    const reader = response.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.length;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, bytes, rssBeforeMb: before.rss, peakRssMb: memoryOf(child.pid!).hwm };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** The floor: the same rows in one statement through plain pg, read whole. */
async function floorOnce(client: pg.Client, planId: number, period: string | null, asOf: string | null): Promise<{ ms: number; rows: number }> {
  const { text, values } = compile(ledgerRowsSql({ planId, section: null, where: null }, period, asOf, null, 1_000_000));
  const started = process.hrtime.bigint();
  const result = await client.query({ text, values });
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, rows: result.rowCount ?? 0 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const scale = Number(process.env.BENCH_SCALE ?? 50);
  const { urlOf, admin, close } = await benchPostgres('duban-bench-export-');
  const seedDb = `bench_export_seed_${process.pid}`;
  const bigDb = `bench_export_x${scale}_${process.pid}`;
  const port = await freePort();
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-changed.js'), '--only=server'], { cwd: ROOT, stdio: 'inherit' });
    await admin.query(`CREATE DATABASE ${seedDb}`);
    const ds = createDataSource(urlOf(seedDb));
    await ds.initialize();
    await ds.runMigrations();
    await importFiles(ds, seedDocuments(path.join(ROOT, 'seeds')), loadUnitRegistry(path.join(ROOT, 'seeds', 'units.json')));
    await ds.query('ANALYZE');
    await ds.destroy();
    await admin.query(`CREATE DATABASE ${bigDb} TEMPLATE ${seedDb}`);
    const big = new pg.Client({ connectionString: urlOf(bigDb) });
    await big.connect();
    await scaleSeed(big, scale);
    await foldIntoOnePlan(big);
    await big.end();

    process.stdout.write(`\nLedger exports (issue 19): one GET each from a fresh duban process; floor = the same rows in one statement via plain pg; medians of ${runs}\n`);
    process.stdout.write('| database | ledger | rows | duban ms | floor ms | duban/floor | bytes | RSS before | peak RSS |\n|---|---|---|---|---|---|---|---|---|\n');
    for (const [label, db] of [
      ['seed', seedDb],
      [`one plan ${scale}×`, bigDb],
    ] as const) {
      const client = new pg.Client({ connectionString: urlOf(db) });
      await client.connect();
      const plans = await client.query<{ id: number; year: number }>(
        'SELECT p.id, p.year FROM plan p WHERE p.jurisdiction_id = (SELECT min(jurisdiction_id) FROM plan) ORDER BY p.year',
      );
      const [{ as_of: asOf }] = (
        await client.query<{ as_of: string }>(
          `SELECT to_char(max(COALESCE(issued_on, make_date(year, 12, 31))), 'YYYY-MM-DD') AS as_of FROM document WHERE plan_id = $1 AND period = '2021-Q1'`,
          [plans.rows.find((p) => p.year === 2021)!.id],
        )
      ).rows;
      const jurisdiction = (await client.query<{ name: string }>('SELECT name FROM jurisdiction WHERE id = (SELECT min(jurisdiction_id) FROM plan)')).rows[0].name;
      for (const [name, year, period] of [
        ['2021-Q1 report', 2021, '2021-Q1'],
        ['2024 plan', 2024, null],
      ] as const) {
        const planId = plans.rows.find((p) => p.year === year)!.id;
        const floors = [];
        for (let i = 0; i < runs; i++) floors.push(await floorOnce(client, planId, period, period ? asOf : null));
        for (const format of ['xlsx', 'csv']) {
          const query = `ledger.${format}?year=${year}&jurisdiction=${encodeURIComponent(jurisdiction)}${period ? `&period=${period}` : ''}`;
          const measured: Measured[] = [];
          for (let i = 0; i < runs; i++) measured.push(await exportOnce(urlOf(db), port, query));
          const ms = median(measured.map((m) => m.ms));
          const floorMs = median(floors.map((f) => f.ms));
          process.stdout.write(
            `| ${label} | ${name} .${format} | ${floors[0].rows} | ${ms.toFixed(0)} | ${floorMs.toFixed(0)} | ${(ms / floorMs).toFixed(2)} | ${median(measured.map((m) => m.bytes))} | ${median(measured.map((m) => m.rssBeforeMb)).toFixed(0)} MB | ${median(measured.map((m) => m.peakRssMb)).toFixed(0)} MB |\n`,
          );
        }
      }
      await client.end();
    }
  } finally {
    for (const db of [bigDb, seedDb]) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
