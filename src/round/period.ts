/**
 * A round's period in the vocabulary of imported reports (document.period,
 * progress_update.period): `<year>-Q1` … `-Q4`, where 上半年 is Q2 and 全年 Q4,
 * as the letterhead of a report is read (import/interpretation/letterhead.ts).
 * The Chinese names are accepted too, for the plan's year.
 */
const NAMES: [RegExp, string][] = [
  [/^(一季度|第一季度)$/, 'Q1'],
  [/^(上半年|二季度|第二季度)$/, 'Q2'],
  [/^(前三季度|三季度|第三季度)$/, 'Q3'],
  [/^(全年|四季度|第四季度|年度)$/, 'Q4'],
];

export const PERIOD_NAMES: Record<string, string> = { Q1: '一季度', Q2: '上半年', Q3: '前三季度', Q4: '全年' };

/** The period of `written` in a plan of `year`, or null when the plan has no such period. */
export function periodOf(written: string, year: number): string | null {
  const text = written.trim();
  const coded = /^(\d{4})-(Q[1-4])$/.exec(text);
  if (coded) return Number(coded[1]) === year ? text : null;
  const quarter = NAMES.find(([pattern]) => pattern.test(text))?.[1];
  return quarter ? `${year}-${quarter}` : null;
}
