import fs from 'node:fs';
import { UnitRegistry } from './unit-registry';

/** Reads and validates a registry JSON file (seeds/units.json). */
export function loadUnitRegistry(file: string): UnitRegistry {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the unit registry: ${(error as Error).message}`);
  }
  return new UnitRegistry(data as never, file);
}
