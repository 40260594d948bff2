/** The largest 序号 a table may have: far above any real document, far below an allocation that hurts. */
export const MAX_ROW_NUMBER = 100_000;

/**
 * Reads a 序号 cell. Only 1..100,000 written as plain digits is a row
 * number; anything else is an error, never a number to allocate by.
 */
export function readRowNumber(text: string): { number: number } | { error: string } {
  if (!/^\d+$/.test(text)) return { error: `“${text}” is not a row number` };
  if (text.length > 6 || Number(text) < 1 || Number(text) > MAX_ROW_NUMBER) {
    return { error: `序号 ${text.length > 12 ? `${text.slice(0, 12)}…` : text} is outside 1..${MAX_ROW_NUMBER.toLocaleString('en')}` };
  }
  return { number: Number(text) };
}
