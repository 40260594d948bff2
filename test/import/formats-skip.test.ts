import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '..', '..');

/**
 * On a machine without LibreOffice the legacy-format test of
 * formats.test.ts that needs it (.xls; .doc is read in JavaScript) skips; they used to skip without a word. Run that file in
 * a real jest child as such a machine sees it (DUBAN_SOFFICE pointing
 * nowhere, as the importer reads it) and read what a person reads.
 */
describe('the LibreOffice tests on a machine without soffice', () => {
  it('skip, and the run says which and why', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--runInBand', 'test/import/formats.test.ts'],
      // TEST_DATABASE_URL is inherited from this run's global setup: the child starts no second cluster.
      { cwd: ROOT, env: { ...process.env, DUBAN_SOFFICE: '/nonexistent/soffice' }, maxBuffer: 10 * 1024 * 1024 },
    );
    const skipped = stdout.split('\n').filter((line) => line.startsWith('  skipped: '));
    expect(skipped).toHaveLength(1);
    for (const line of skipped) expect(line).toMatch(/LibreOffice.*\[skipped: LibreOffice \(soffice\) is not installed; apt-get install libreoffice-writer-nogui/);
    expect(stdout).toMatch(/jest: \d+ passed, 0 failed, 1 skipped/);
  }, 120000);
});
