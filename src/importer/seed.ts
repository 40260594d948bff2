import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadUnitRegistries } from '../import/registry-file';
import type { ImportResult } from './import-result';
import { importFiles, seedDocuments } from './import-files';

/**
 * Imports seeds/ (the registry and every .txt document) when the database
 * holds no document yet. Returns null when there was nothing to do.
 */
export async function seedIfEmpty(dataSource: DataSource, seedsDir: string): Promise<ImportResult[] | null> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM document`);
  if (count > 0) return null;
  const registry = loadUnitRegistries(path.join(seedsDir, 'units.json'));
  return importFiles(dataSource, seedDocuments(seedsDir), registry);
}
