import fs from 'node:fs';
import { registriesFromJson, type UnitRegistries } from './unit-registries';
import { UnitRegistry } from './unit-registry';

/** Reads and validates a registry JSON file (seeds/units.json) holding one jurisdiction's registry. */
export function loadUnitRegistry(file: string): UnitRegistry {
  return new UnitRegistry(readJson(file) as never, file);
}

/** Reads a registry file holding one registry or several (`{ "registries": [...] }`), one per jurisdiction. */
export function loadUnitRegistries(file: string): UnitRegistries {
  return registriesFromJson(readJson(file), file);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the unit registry: ${(error as Error).message}`);
  }
}
