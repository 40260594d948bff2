/**
 * npm run import -- [--dry-run] [--json] [--registry seeds/units.json] <file>…
 *
 * Without --dry-run: imports each file in its own transaction and prints a
 * report. With --dry-run nothing is written and no database is started;
 * --json prints the parsed document(s) in the shape integrations rely on.
 * Exit codes: 0 done, 1 a document was refused, 2 wrong usage.
 */
import 'reflect-metadata';
import path from 'node:path';
import { connectDatabase } from '../db/connect';
import { PROJECT_ROOT } from '../db/config';
import { DocumentImportError } from '../import/import-error';
import { loadUnitRegistry } from '../import/registry-file';
import { importFiles, parseFiles } from '../importer/import-files';
import { formatImportReport } from './import-report';
import { toDryRunJson } from './dry-run-json';

const USAGE = 'usage: npm run import -- [--dry-run] [--json] [--registry <units.json>] <file>…';

async function main(argv: string[]): Promise<number> {
  const files: string[] = [];
  let dryRun = false;
  let json = false;
  let registryFile = path.join(PROJECT_ROOT, 'seeds', 'units.json');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--json') json = true;
    else if (arg === '--registry' && argv[i + 1]) registryFile = argv[++i];
    else if (arg.startsWith('--')) return usage(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) return usage('no file given');

  const registry = loadUnitRegistry(registryFile);
  if (dryRun) {
    const parsed = parseFiles(files, registry);
    if (json) {
      const out = parsed.map(toDryRunJson);
      process.stdout.write(`${JSON.stringify(out.length === 1 ? out[0] : out, null, 2)}\n`);
    } else {
      parsed.forEach((p) => process.stdout.write(`${p.file}: parsed ${p.sections.map((s) => `${s.items.length} ${s.section}`).join(', ')}; ${p.warnings.length} warnings (dry run, nothing written)\n`));
    }
    return 0;
  }
  const database = await connectDatabase();
  try {
    const results = await importFiles(database.dataSource, files, registry);
    process.stdout.write(json ? `${JSON.stringify(results, null, 2)}\n` : formatImportReport(results));
    return 0;
  } finally {
    await database.close();
  }
}

function usage(problem: string): number {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof DocumentImportError) {
      process.stderr.write(`Import refused; the database is unchanged.\n${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
