/** Years a government document of this kind can be dated or be about. */
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

/**
 * Checks a written date (2024年2月2日): a real calendar day in a plausible
 * year. Returns the ISO date or the reason it is impossible.
 */
export function checkDate(year: string, month: string, day: string): { iso: string } | { error: string } {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const written = `${year}年${month}月${day}日`;
  if (y < MIN_YEAR || y > MAX_YEAR) return { error: `impossible date ${written}: the year is outside ${MIN_YEAR}..${MAX_YEAR}` };
  if (m < 1 || m > 12) return { error: `impossible date ${written}: there is no month ${m}` };
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return { error: `impossible date ${written}: ${y}年${m}月 has ${days} days` };
  return { iso: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

export function checkYear(year: number): string | null {
  return year >= MIN_YEAR && year <= MAX_YEAR ? null : `the year ${year} is outside ${MIN_YEAR}..${MAX_YEAR}`;
}
