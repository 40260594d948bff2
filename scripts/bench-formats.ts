/**
 * Parse time of the 2024 plan (and the 2021 report) in every format, side by
 * side with the text export as the floor: the same interpretation runs on
 * each, so the difference is the reader. Median of warm runs after two
 * warm-ups, plus the first (cold) run; the legacy .doc includes the Node process word-extractor runs in.
 *
 *   npx ts-node scripts/bench-formats.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../src/import/parse-document';
import { loadUnitRegistry } from '../src/import/registry/registry-file';

const ROOT = path.join(__dirname, '..');
const FORMATS = path.join(ROOT, 'test', 'fixtures', 'formats');
const registry = loadUnitRegistry(path.join(ROOT, 'seeds', 'units.json'));
const FILES = [
  path.join(ROOT, 'seeds', '000_fde355393f881739.txt'),
  ...['plan-2024-prose.txt', 'plan-2024.html', 'plan-2024-gbk.html', 'plan-2024.docx', 'plan-2024.doc'].map((f) => path.join(FORMATS, f)),
  path.join(ROOT, 'seeds', '001_756023d8918cde28.txt'),
  ...['report-2021.xlsx', 'report-2021.xls'].map((f) => path.join(FORMATS, f)),
];

for (const file of FILES) {
  const bytes = fs.readFileSync(file);
  const legacy = /\.(doc|xls)$/.test(file);
  const runs = legacy ? 3 : 12;
  const times: number[] = [];
  let format = '';
  let items = 0;
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    const doc = parseDocument(bytes, file, registry);
    times.push(performance.now() - start);
    format = doc.format;
    items = doc.sections.reduce((n, s) => n + s.items.length, 0);
  }
  const warm = times.slice(legacy ? 1 : 2).sort((a, b) => a - b);
  console.log(
    `${path.basename(file).padEnd(28)} ${format.padEnd(6)} ${String(items).padStart(4)} items ${`${(bytes.length / 1024).toFixed(0)} KiB`.padStart(8)}  first ${times[0].toFixed(0).padStart(5)} ms  median ${warm[Math.floor(warm.length / 2)].toFixed(0).padStart(5)} ms`,
  );
}
