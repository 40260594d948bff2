import { DocumentKind } from '../../document/document-kind';
import type { ImportProblem } from '../model/import-error';
import type { DocumentMeta } from '../model/parsed-document';
import type { NamedJurisdiction } from './jurisdiction';

/** The letterhead's part of the document's metadata; the jurisdiction is decided with the tables (jurisdiction.ts). */
export type LetterheadMeta = Omit<DocumentMeta, 'jurisdiction' | 'jurisdictionRule' | 'jurisdictionReason'> & {
  named: NamedJurisdiction | null;
  /** Line (of `lines`) of the issuer and date, else of the title: where a problem with the jurisdiction is said. */
  issuerLine?: number;
};
import type { Section } from '../../task/section';
import { sectionFromTitle } from './table-layout';
import { checkDate, checkYear } from '../validation/dates';

const CHINESE_QUARTERS: [RegExp, string][] = [
  [/一季度|第一季度/, 'Q1'],
  [/上半年|二季度|第二季度/, 'Q2'],
  [/前三季度|三季度|第三季度/, 'Q3'],
  [/四季度|第四季度|全年/, 'Q4'],
];

/**
 * Reads the letterhead: 文号 (or issue number), issuer, date and title, and
 * from the title the kind, year and period. `lines` are the lines before the
 * first table;
 */
export function readLetterhead(
  lines: string[],
  file: string,
): { meta?: LetterheadMeta; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const at = (index: number) => index + 1;

  const numberLine = lines.findIndex((l) => documentNumber(l) !== null || /[（(]第\s*\d+\s*期[)）]/.test(l));
  let number: string | null = null;
  if (numberLine >= 0) {
    const text = lines[numberLine];
    number = documentNumber(text) ?? `第${text.match(/第\s*(\d+)\s*期/)![1]}期`;
  }

  // A ledger (台账) has no letterhead: its title row (…一季度推进情况台账) says what a 关于… title would.
  let titleLine = lines.findIndex((l) => /^\s*关于/.test(l));
  if (titleLine < 0) titleLine = lines.findIndex((l) => /\d{4}年.*台账\s*$/.test(l));
  const title = titleLine >= 0 ? lines[titleLine].replace(/[\s\u3000]+/g, '') : null;
  if (!title) problems.push({ file, message: 'no title: expected a line starting with 关于 (or the title row of a ledger, …年…台账) before the first table' });

  const dateLine = lines.findIndex((l) => /\d{4}年\d{1,2}月\d{1,2}日/.test(l));
  let date: string | null = null;
  let issuer: string | null = null;
  if (dateLine >= 0) {
    const m = lines[dateLine].match(/(\d{4})年(\d{1,2})月(\d{1,2})日/)!;
    const checked = checkDate(m[1], m[2], m[3]);
    if ('error' in checked) problems.push({ file, line: at(dateLine), field: '日期', message: checked.error });
    else date = checked.iso;
    // 重庆市沙坪坝区人民政府督查办     2021年4月8日  — or the issuer on the line above the date.
    const before = lines[dateLine].slice(0, m.index).trim();
    issuer = before || previousNonEmpty(lines, dateLine);
  }
  issuer ??= lines.map((l) => l.trim()).find((l) => /人民政府\S*$/.test(l) && !/^关于/.test(l)) ?? null;
  const byIssuer = issuer?.match(/^(.+[区县市])人民政府/)?.[1];
  const byTitle = issuer ? undefined : title?.match(/^(.+?[区县])\d{4}年/)?.[1];
  const named: NamedJurisdiction | null = byIssuer ? { jurisdiction: byIssuer, from: 'issuer' } : byTitle ? { jurisdiction: byTitle, from: 'title' } : null;

  let kind: DocumentKind | undefined;
  if (title && /(推进|进展|完成)情况/.test(title) && /报告|通报|台账/.test(title)) kind = DocumentKind.PROGRESS_REPORT;
  else if (title && /(印发|分解)/.test(title)) kind = DocumentKind.PLAN;
  else if (title) {
    problems.push({
      file,
      line: at(titleLine),
      message: `unknown layout: the title “${title}” is neither a task breakdown (印发…/分解) nor a progress report (…推进情况的报告)`,
    });
  }

  const year = Number(title?.match(/(\d{4})年/)?.[1] ?? date?.slice(0, 4));
  const yearProblem = title || date ? checkYear(year) : null;
  if (yearProblem) problems.push({ file, line: titleLine >= 0 ? at(titleLine) : undefined, message: `${yearProblem} (“${title ?? date}”)` });
  let period: string | null = null;
  if (kind === DocumentKind.PROGRESS_REPORT) {
    const quarter = CHINESE_QUARTERS.find(([pattern]) => pattern.test(title!))?.[1];
    if (quarter) period = `${year}-${quarter}`;
    else problems.push({ file, line: at(titleLine), message: `the report title “${title}” names no period (一季度, 上半年 …)` });
  }

  if (problems.length || !title || !kind) return { problems };
  return { meta: { title, number, issuer, date, kind, year, period, named, issuerLine: dateLine >= 0 ? at(dateLine) : at(titleLine) }, problems };
}

/**
 * 文号 such as 沙府办发〔2024〕6号: the non-blank run before 〔year〕number号.
 * Found from the bracket, not with /\S+〔…/, which backtracks quadratically on a long line.
 */
function documentNumber(line: string): string | null {
  const m = /〔\d{4}〕\d+号/.exec(line);
  if (!m) return null;
  let start = m.index;
  while (start > 0 && !/\s/.test(line[start - 1])) start--;
  return start === m.index ? null : line.slice(start, m.index + m[0].length);
}

function previousNonEmpty(lines: string[], index: number): string | null {
  for (let i = index - 1; i >= 0; i--) if (lines[i].trim()) return lines[i].trim();
  return null;
}

/**
 * Counts the body states: "三、137项重点工作任务进展情况" → 137 key tasks.
 * Used when a table's own title gives no count.
 */
export function statedCountsInBody(lines: string[]): Map<Section, number> {
  const counts = new Map<Section, number>();
  for (const line of lines) {
    const m = line.trim().match(/^[一二三四五六七八九十]+、(\d+)项(.+)$/);
    const section = m && sectionFromTitle(m[2]);
    if (section && !counts.has(section)) counts.set(section, Number(m[1]));
  }
  return counts;
}
