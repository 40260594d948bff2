export interface PercentVerdict {
  /** Share of the whole task done, 0–100, as the text states it. */
  percent: number;
  /** The phrase(s) that counted, so an analyst can check them against the text. */
  reason: string;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)%`;

/**
 * Phrases that state how far the WHOLE task (or one of its projects) is, as
 * the reports write them: 已完成总进度的43.3%, 完成总工程量的84%, 完成年度任务的27.3%,
 * 已完成77.5%工程量, 总体已完成87%, 总体实施进度约42%, 已完工82%.
 * Deliberately not counted: growth and ratios (同比增长, 占比, 完成率, 整改率,
 * 接种进度 — a coverage rate, not progress of the task) and components of one
 * building (幕墙完成50%, 砌体已完成70%, 场地平整40%), which say nothing about the whole.
 */
const PHRASES: RegExp[] = [
  new RegExp(String.raw`(?:已)?完成(?:了)?(?:总进度|总工程量|年度任务|年度目标任务|年度目标|全年任务|年度计划|总投资|计划任务|建设任务)的?约?${NUMBER}`, 'g'),
  new RegExp(String.raw`(?:已)?完成约?${NUMBER}(?:的)?(?:总)?工程量`, 'g'),
  new RegExp(String.raw`总体(?:已)?完成约?${NUMBER}`, 'g'),
  new RegExp(String.raw`(?:总体|整体)?(?:实施|建设|形象|工程)进度(?:为|达|达到|约)*${NUMBER}`, 'g'),
  new RegExp(String.raw`已完工约?${NUMBER}`, 'g'),
];

/**
 * The percent a progress text states, or null when it states none. When it
 * names several (one per project, e.g. 凌云路边坡35% and 融汇温泉城社区公园30%),
 * the lowest counts: a task is as far as its slowest part, and a supervisor
 * would rather be warned once too often.
 */
export function derivePercent(text: string): PercentVerdict | null {
  const found: { at: number; phrase: string; value: number }[] = [];
  for (const pattern of PHRASES) {
    for (const m of text.matchAll(pattern)) {
      // Two patterns may match the same words; keep the first match at a position.
      if (found.some((f) => m.index! < f.at + f.phrase.length && f.at < m.index! + m[0].length)) continue;
      found.push({ at: m.index!, phrase: m[0], value: Number(m[1]) });
    }
  }
  const valid = found.filter((f) => f.value >= 0 && f.value <= 100).sort((a, b) => a.at - b.at);
  if (valid.length === 0) return null;
  const lowest = valid.reduce((a, b) => (b.value < a.value ? b : a));
  const quoted = valid.map((f) => `“${f.phrase}”`).join(', ');
  return {
    percent: lowest.value,
    reason: valid.length === 1 ? `states ${quoted}` : `states ${quoted}; the lowest (${lowest.value}%) counts`,
  };
}
