import { CHECKS, type CheckName, isCheckName } from '../import/model/check-names';

export const USAGE = [
  'usage: npm run import -- [--dry-run] [--json] [--registry <units.json>] [--jurisdiction <name>] [--allow <check>]… <file>…',
  '  --jurisdiction <name>  the district of documents that do not name one (重庆市沙坪坝区, or 沙坪坝区 for a reviewed one)',
  '  --allow <check>  let one named check through for these files (recorded on the document):',
  ...Object.entries(CHECKS).map(([name, what]) => `      ${name.padEnd(14)}${what}`),
].join('\n');

export interface ImportArgs {
  files: string[];
  dryRun: boolean;
  json: boolean;
  registryFile?: string;
  jurisdiction?: string;
  allow: CheckName[];
}

/** argv → options, or the reason they are wrong (exit code 2). */
export function parseImportArgs(argv: readonly string[]): ImportArgs | { usage: string } {
  const args: ImportArgs = { files: [], dryRun: false, json: false, allow: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--registry' && argv[i + 1]) args.registryFile = argv[++i];
    else if (arg === '--jurisdiction' || arg.startsWith('--jurisdiction=')) {
      const value = (arg === '--jurisdiction' ? argv[++i] : arg.slice('--jurisdiction='.length))?.trim();
      if (!value) return { usage: '--jurisdiction needs a name (重庆市沙坪坝区)' };
      args.jurisdiction = value;
    }
    else if (arg === '--allow' || arg.startsWith('--allow=')) {
      const value = arg === '--allow' ? argv[++i] : arg.slice('--allow='.length);
      if (!value) return { usage: '--allow needs a check name' };
      for (const name of value.split(',')) {
        if (!isCheckName(name)) return { usage: `--allow: unknown check “${name}” (one of ${Object.keys(CHECKS).join(', ')})` };
        args.allow.push(name);
      }
    } else if (arg.startsWith('--')) return { usage: `unknown option ${arg}` };
    else args.files.push(arg);
  }
  if (args.files.length === 0) return { usage: 'no file given' };
  return args;
}
