import path from 'node:path';
import { seedsDir } from '../db/config';
import { loadUnitRegistries } from '../import/registry/registry-file';
import type { UnitRegistries } from '../import/registry/unit-registries';

/** The reviewed registries uploads are read against: the seeds' units.json, as the server seeds with (DUBAN_SEEDS_DIR). */
export function uploadRegistryFile(): string {
  return path.join(seedsDir(), 'units.json');
}

let loaded: { file: string; registries: UnitRegistries } | undefined;

/** The same registries on the request thread, for the writer (read once per file). */
export function uploadRegistries(): UnitRegistries {
  const file = uploadRegistryFile();
  if (loaded?.file !== file) loaded = { file, registries: loadUnitRegistries(file) };
  return loaded.registries;
}
