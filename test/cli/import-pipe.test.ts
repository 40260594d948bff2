import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPORT_2021 } from '../support/seeds';

const ROOT = path.join(__dirname, '..', '..');

/**
 * The README's `--dry-run --json` command exactly as written there, run the way
 * an integrator runs it: through a shell, its stdout a real pipe into a JSON
 * parser (a second process). `npm run import -- …` printed npm's
 * "> duban@0.1.0 import" banner on stdout, so `| jq` failed; the command
 * must keep stdout pure JSON (npm's `-s`).
 */
describe('the README import command through a pipe', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const documented = /^(npm run .*--dry-run --json) some-report\.txt/m.exec(readme)?.[1];

  it('is documented', () => {
    expect(documented).toBeDefined();
  });

  it('prints JSON a parser at the other end of a pipe accepts, whole', async () => {
    // The reader is its own process: it parses all of stdin and says what it got.
    const reader = `let t='';process.stdin.setEncoding('utf8').on('data',(c)=>t+=c).on('end',()=>{const j=JSON.parse(t);console.log(JSON.stringify({bytes:Buffer.byteLength(t),format:j.document.format,items:j.sections.reduce((n,s)=>n+s.items.length,0)}))})`;
    const script = `set -o pipefail; ${documented} ${JSON.stringify(REPORT_2021)} | ${JSON.stringify(process.execPath)} -e ${JSON.stringify(reader)}`;
    // Without the log level an outer `npm test --silent` hands down, which would hide the banner anyway.
    const { npm_config_loglevel: _outer, ...env } = process.env;
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: ROOT, env: { ...env, DATABASE_URL: '' } }).catch((error) => {
      throw new Error(`the pipe failed (exit ${error.code}):\n${error.stderr}`);
    });
    const got = JSON.parse(stdout);
    // Bigger than a pipe's 64 KiB buffer, so a cut-off write would show too.
    expect(got.bytes).toBeGreaterThan(65536);
    expect(got).toMatchObject({ format: expect.any(String), items: 157 });
  });
});
