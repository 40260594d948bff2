import { parseDocument } from '../../src/import/parse-document';
import { largePlan } from '../../scripts/large-document';
import { registry } from '../support/seeds';

/** Size is no attack: a 100,000-row plan parses (no stack overflow, no spread of huge arrays), huge 序号 never allocate. */
describe('documents at size', () => {
  it('parses a 100,000-row plan, every row numbered 1..N', () => {
    const doc = parseDocument(largePlan(100_000), 'large.txt', registry);
    const tasks = doc.sections[1].items;
    expect(tasks).toHaveLength(100_000);
    expect(tasks.every((item, k) => item.number === k + 1)).toBe(true);
    expect(tasks[99_999].leadUnits.length).toBeGreaterThan(0);
  }, 60_000);

  it.each(['0', '100001', '2147483648', '20000000', '99999999999', '9'.repeat(40)])('refuses 序号 %s as out of range, without allocating by it', (number) => {
    const text = largePlan(3).toString('utf8').replace(/\n\t3\n/, `\n\t${number}\n`);
    expect(() => parseDocument(Buffer.from(text), 'big.txt', registry)).toThrow(/big\.txt:\d+ \(column 序号\): 序号 \d+…? is outside 1\.\.100,000/);
  });
});
