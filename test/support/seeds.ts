import fs from 'node:fs';
import path from 'node:path';
import { loadUnitRegistry } from '../../src/import/registry/registry-file';

export const SEEDS_DIR = path.join(__dirname, '..', '..', 'seeds');
export const PLAN_2024 = path.join(SEEDS_DIR, '000_fde355393f881739.txt');
export const REPORT_2021 = path.join(SEEDS_DIR, '001_756023d8918cde28.txt');
export const registry = loadUnitRegistry(path.join(SEEDS_DIR, 'units.json'));

/** Lines [from, to] (1-based, inclusive) of a seed document, exactly as in the file. */
export function seedLines(file: string, from: number, to: number): string {
  return fs.readFileSync(file, 'utf8').split('\n').slice(from - 1, to).join('\n');
}
