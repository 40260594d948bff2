/**
 * npm run import -- [--dry-run] [--json] [--registry seeds/units.json] [--jurisdiction <name>] [--allow <check>]… <file>…
 *
 * Without --dry-run: imports each file in its own transaction and prints a
 * report with every warning. With --dry-run nothing is written and no
 * database is started; --json prints the parsed document(s) in the shape
 * integrations rely on. --allow lets one named check through (see USAGE).
 * Exit codes: 0 done, 1 a document was refused or the import failed, 2 wrong
 * usage. Never a stack trace: what went wrong is said in one message.
 */
import 'reflect-metadata';
import path from 'node:path';
import { connectDatabase } from '../db/connect';
import { PROJECT_ROOT } from '../db/config';
import { DocumentImportError } from '../import/model/import-error';
import { loadUnitRegistries } from '../import/registry/registry-file';
import { importFiles, parseFiles } from '../import/writer/import-files';
import { formatImportReport } from './import-report';
import { toDryRunJson } from './dry-run-json';
import { parseImportArgs, USAGE } from './import-args';
import { writeOut } from './write-out';

interface Outcome {
  code: 0 | 1 | 2;
  stdout?: string;
  stderr?: string;
}

async function main(argv: string[]): Promise<Outcome> {
  const args = parseImportArgs(argv);
  if ('usage' in args) return { code: 2, stderr: `${args.usage}\n${USAGE}\n` };
  const registry = loadUnitRegistries(args.registryFile ?? path.join(PROJECT_ROOT, 'seeds', 'units.json'));
  const options = { allow: args.allow, jurisdiction: args.jurisdiction };
  if (args.dryRun) {
    const parsed = parseFiles(args.files, registry, options);
    if (args.json) {
      const out = parsed.map(toDryRunJson);
      return { code: 0, stdout: `${JSON.stringify(out.length === 1 ? out[0] : out, null, 2)}\n` };
    }
    const lines = parsed.map(
      (p) =>
        `${p.file}: parsed ${p.sections.map((s) => `${s.items.length} ${s.section}`).join(', ')}; ${p.warnings.length} warnings (dry run, nothing written)\n` +
        p.warnings.map((w) => `  warning ${p.file}:${w.line}: ${w.message}\n`).join(''),
    );
    return { code: 0, stdout: lines.join('') };
  }
  const database = await connectDatabase();
  try {
    const results = await importFiles(database.dataSource, args.files, registry, options);
    return { code: 0, stdout: args.json ? `${JSON.stringify(results, null, 2)}\n` : formatImportReport(results) };
  } finally {
    await database.close();
  }
}

function failure(error: unknown): Outcome {
  if (error instanceof DocumentImportError) return { code: 1, stderr: `Import refused; the database is unchanged.\n${error.message}\n` };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 1, stderr: `Import failed; the database is unchanged.\n${message}\n` };
}

main(process.argv.slice(2))
  .catch(failure)
  .then(async (outcome) => {
    await writeOut(process.stdout, outcome.stdout ?? '');
    await writeOut(process.stderr, outcome.stderr ?? '');
    process.exit(outcome.code);
  });
