import fs from 'node:fs';
import path from 'node:path';

/**
 * A recorded file the test compares against. It is written only when a
 * developer asks (UPDATE_SNAPSHOTS=1): a missing one fails and says how to
 * make it, so a snapshot deleted by mistake, or never committed, cannot turn
 * the comparison into a test that passes whatever the code does.
 */
export function expectSnapshot(file: string, actual: string): void {
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    if (process.env.CI) throw new Error(`UPDATE_SNAPSHOTS=1 in CI: snapshots are written only by a developer (${file})`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), file)} is missing: record it with UPDATE_SNAPSHOTS=1 npx jest ${path.relative(process.cwd(), expect.getState().testPath ?? '')}, read it, and commit it`);
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
