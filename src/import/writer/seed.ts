import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadUnitRegistries } from '../registry/registry-file';
import type { ImportResult } from './import-result';
import { importFiles, seedDocuments } from './import-files';

export interface SeedOutcome {
  /** 'seeded': the database was empty; 'resumed': an earlier seeding stopped part-way. */
  kind: 'seeded' | 'resumed';
  /** Seed files imported now (file names). */
  imported: string[];
  /** Seed files already present before this run. */
  present: string[];
  results: ImportResult[];
}

/**
 * Imports the seed documents (seeds/*.txt, with seeds/units.json) that are
 * missing, when seeding is due:
 * - an empty database gets all of them;
 * - a database holding some seed documents but not all was seeded by a start
 *   that was interrupted (each document is its own transaction), so the
 *   missing ones are imported and the outcome says so;
 * - a database with documents but none of the seeds holds someone's own
 *   imports and is left alone.
 * Seed documents are recognised by file name, wherever the checkout lives.
 * Returns null when there was nothing to do.
 */
export async function seedMissing(dataSource: DataSource, seedsDir: string): Promise<SeedOutcome | null> {
  const rows: { file_name: string }[] = await dataSource.query(`SELECT file_name FROM document`);
  const seeds = seedDocuments(seedsDir);
  const have = new Set(rows.map((r) => path.basename(r.file_name)));
  const present = seeds.filter((file) => have.has(path.basename(file)));
  const missing = seeds.filter((file) => !have.has(path.basename(file)));
  if (missing.length === 0) return null;
  if (rows.length > 0 && present.length === 0) return null;
  const registry = loadUnitRegistries(path.join(seedsDir, 'units.json'));
  const results = await importFiles(dataSource, missing, registry);
  return { kind: rows.length === 0 ? 'seeded' : 'resumed', imported: missing.map((f) => path.basename(f)), present: present.map((f) => path.basename(f)), results };
}

/** Imports seeds/ when the database holds no document yet. Returns null when there was nothing to do. */
export async function seedIfEmpty(dataSource: DataSource, seedsDir: string): Promise<ImportResult[] | null> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM document`);
  if (count > 0) return null;
  return (await seedMissing(dataSource, seedsDir))?.results ?? null;
}
