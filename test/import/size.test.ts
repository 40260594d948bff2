import { parseDocument } from '../../src/import/parse-document';
import { largePlan } from '../../scripts/large-document';
import { registry } from '../support/seeds';
import { DocumentImportError } from '../../src/import/model/import-error';
import type { ParsedDocument } from '../../src/import/model/parsed-document';

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

/**
 * Inputs that made a backtracking regex or a re-scan quadratic (a long run of
 * inner spaces, a long letterhead line, 20,000 brackets in a unit cell). Each
 * must come out as it should (parsed with the row intact, or refused with the
 * reason) and within a bound far above linear work yet far below quadratic,
 * which at this size takes minutes: Jest's timeout cannot stop synchronous
 * code, so the time is asserted.
 */
describe('pathological lines stay linear', () => {
  const plan = largePlan(3).toString('utf8');
  const BOUND_MS = 10_000;
  const timed = (text: string) => {
    const started = performance.now();
    try {
      return { doc: parseDocument(Buffer.from(text), 'p.txt', registry), ms: performance.now() - started };
    } catch (error) {
      return { error: error as Error, ms: performance.now() - started };
    }
  };
  const counts = (doc: ParsedDocument | undefined) => doc?.sections.map((s) => s.items.length);

  it('200,000 inner spaces in a cell', () => {
    const { doc, error, ms } = timed(plan.replace('\t地区生产总值增长6%', `\t地区生产总值增长6%${' '.repeat(200_000)}x`));
    expect(error).toBeUndefined();
    expect(doc!.sections[0].items[0].content).toBe(`地区生产总值增长6%${' '.repeat(200_000)}x`);
    expect(ms).toBeLessThan(BOUND_MS);
  }, 30_000);

  it.each([
    ['a 200,000-character letterhead line', `${'a'.repeat(200_000)}\n${plan}`],
    ['100,000 〔 in the letterhead', `${'〔'.repeat(100_000)}\n${plan}`],
  ])('%s', (_what, text) => {
    const { doc, error, ms } = timed(text);
    expect(error).toBeUndefined();
    expect(counts(doc)).toEqual([8, 3]);
    expect(ms).toBeLessThan(BOUND_MS);
  }, 30_000);

  it('100,000 （ in a unit cell', () => {
    const { error, ms } = timed(plan.replace('\t区发展改革委\n', `\t${'（'.repeat(100_000)}\n`));
    expect(error).toBeInstanceOf(DocumentImportError);
    expect(error!.message).toMatch(/^p\.txt:29 \(row 1, column 责任单位\): “（{40}…” is not a unit name \[check unit-names/);
    expect(ms).toBeLessThan(BOUND_MS);
  }, 30_000);

  it('20,000 distinct names in a unit cell', () => {
    const { doc, error, ms } = timed(plan.replace('\t区发展改革委\n', `\t${Array.from({ length: 20_000 }, (_, k) => `区${k}委`).join('、')}\n`));
    expect(error).toBeUndefined();
    expect(doc!.sections[0].items[0].leadUnits.map((u) => u.name).slice(0, 2)).toEqual(['区0委', '区1委']);
    expect(doc!.sections[0].items[0].leadUnits).toHaveLength(20_000);
    expect(ms).toBeLessThan(BOUND_MS);
  }, 30_000);
});
