/** Where a task's deadline comes from. */
export enum DueSource {
  /** The task's own text sets it (6月底前, 上半年, 三季度 …). */
  TEXT = 'TEXT',
  /** The text sets none: the end of the plan's year (a 政府工作报告 task is a task of that year). */
  PLAN_YEAR_END = 'PLAN_YEAR_END',
  /** The office approved an extension (延期) and fixed this date; never stored by the importer, only worked out from task.extended_due_on. */
  EXTENSION = 'EXTENSION',
}

export interface DueVerdict {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  source: DueSource;
  /** The deadline words found in the text, in text order; empty for PLAN_YEAR_END. */
  words: string[];
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const monthEnd = (y: number, m: number) => iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());

interface DuePhrase {
  pattern: RegExp;
  /** The deadline for a match, in the plan's year unless the words name a year. */
  date: (m: RegExpMatchArray, year: number) => string | null;
}

const yearOf = (m: RegExpMatchArray, year: number) => (m.groups?.y ? Number(m.groups.y) : year);

/**
 * Deadline phrases of 政府工作报告 tasks. A bare month (6月底前, 9月底) is in the
 * plan's year; "6月前" means before June begins. Quarters and halves end on
 * their last day; 年底/年内/年末/全年 is 31 December.
 */
const PHRASES: DuePhrase[] = [
  { pattern: /(?:(?<y>\d{4})年?)?(?<m>1[0-2]|[1-9])月(?<d>[1-3]?\d)日(?:前|之前)/g, date: (m, y) => iso(yearOf(m, y), Number(m.groups!.m), Number(m.groups!.d)) },
  { pattern: /(?:(?<y>\d{4})年?)?(?<m>1[0-2]|[1-9])月(?:底|末)(?:前|之前)?/g, date: (m, y) => monthEnd(yearOf(m, y), Number(m.groups!.m)) },
  { pattern: /(?:(?<y>\d{4})年?)?(?<m>1[0-2]|[2-9])月(?:前|之前)/g, date: (m, y) => monthEnd(yearOf(m, y), Number(m.groups!.m) - 1) },
  { pattern: /(?:(?<y>\d{4})年?)?(?:一季度|第一季度)(?:末|前|内)?/g, date: (m, y) => iso(yearOf(m, y), 3, 31) },
  { pattern: /(?:(?<y>\d{4})年?)?(?:上半年|二季度|第二季度|年中)(?:前|内)?/g, date: (m, y) => iso(yearOf(m, y), 6, 30) },
  { pattern: /(?:(?<y>\d{4})年?)?(?:前三季度|三季度|第三季度)(?:末|前|内)?/g, date: (m, y) => iso(yearOf(m, y), 9, 30) },
  { pattern: /(?:(?<y>\d{4})年?)?(?:四季度|第四季度|下半年|年底|年末|年内|全年)(?:前|内)?/g, date: (m, y) => iso(yearOf(m, y), 12, 31) },
  { pattern: /(?<y>\d{4})年(?:前|内|完成|建成)/g, date: (m) => iso(Number(m.groups!.y), 12, 31) },
];

/**
 * The deadline of a task from its own text (title and content), else the end
 * of the plan's year. When the text sets several (6月底前 for one step, 年底前
 * for the rest), the latest is the task's: it is due when all of it is due.
 */
export function deriveDue(text: string, planYear: number): DueVerdict {
  const found: { at: number; words: string; date: string }[] = [];
  for (const phrase of PHRASES) {
    for (const m of text.matchAll(phrase.pattern)) {
      if (found.some((f) => m.index! < f.at + f.words.length && f.at < m.index! + m[0].length)) continue;
      const date = phrase.date(m, planYear);
      if (date) found.push({ at: m.index!, words: m[0], date });
    }
  }
  if (found.length === 0) return { date: iso(planYear, 12, 31), source: DueSource.PLAN_YEAR_END, words: [] };
  found.sort((a, b) => a.at - b.at);
  return { date: found.map((f) => f.date).reduce((a, b) => (b > a ? b : a)), source: DueSource.TEXT, words: found.map((f) => f.words) };
}
