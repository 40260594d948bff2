/**
 * `it` when the condition holds, else a skipped test whose name says why.
 * Jest has no skip reason of its own: a bare `it.skip` shows only as "skipped",
 * and the summary reporter lists skipped tests by name, so the reason goes there.
 */
export function itWhen(condition: boolean, whyNot: string): jest.It {
  if (condition) return it;
  const skipped = ((name: string, fn?: jest.ProvidesCallback, timeout?: number) => it.skip(`${name} [skipped: ${whyNot}]`, fn, timeout)) as jest.It;
  return skipped;
}
