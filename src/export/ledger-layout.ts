import { ProgressStatus } from '../progress/progress-status';
import { RiskLevel } from '../risk/risk-level';
import { Section } from '../task/section';

/** What one cell of a ledger row shows. */
export type LedgerField = 'number' | 'category' | 'title' | 'content' | 'leaders' | 'leadUnits' | 'coUnits' | 'progress' | 'status' | 'risk';

export interface LedgerColumn {
  field: LedgerField;
  /** The header word, as offices write it and as the importer reads it back (table-layout.ts). */
  header: string;
  /** Excel width in characters of the default font; a Chinese character takes two. */
  width: number;
  /** Long text: wrapped and aligned top-left; short cells are centred. */
  long: boolean;
}

/** A ledger row: one task, as the export statement returns it. */
export interface LedgerRow {
  id: number;
  section: Section;
  number: number;
  category: string | null;
  title: string | null;
  content: string;
  leaders: string[];
  lead_units: string[];
  co_units: string[];
  progress: string | null;
  status: ProgressStatus | null;
  risk: RiskLevel;
}

/** What the rows of one section fill, so that a table shows the columns its tasks use. */
export interface SectionSummary {
  section: Section;
  tasks: number;
  has_category: boolean;
  has_title: boolean;
  has_leaders: boolean;
  has_co_units: boolean;
}

export const SECTION_WORDS: Record<Section, { sheet: string; title: string; content: string }> = {
  [Section.TARGET]: { sheet: '预期目标', title: '经济社会发展主要预期目标', content: '预期目标' },
  [Section.LIVELIHOOD]: { sheet: '民生实事', title: '重点民生实事', content: '建设内容' },
  [Section.KEY_TASK]: { sheet: '重点工作任务', title: '重点工作任务', content: '工作任务' },
};

/** Quarter of a period (2021-Q1) in a title's words; the importer's letterhead reads them back (letterhead.ts). */
const PERIOD_WORDS: Record<string, { title: string; column: string }> = {
  Q1: { title: '一季度', column: '一季度' },
  Q2: { title: '上半年', column: '上半年' },
  // The header reader strips 三季度, not 前三季度, before it looks a header word up.
  Q3: { title: '前三季度', column: '三季度' },
  Q4: { title: '全年', column: '全年' },
};

export const STATUS_WORDS: Record<ProgressStatus, string> = {
  [ProgressStatus.COMPLETED]: '已完成',
  [ProgressStatus.IN_PROGRESS]: '推进中',
  [ProgressStatus.NOT_STARTED]: '未启动',
  [ProgressStatus.SUSPENDED]: '暂缓',
  [ProgressStatus.UNKNOWN]: '未判定',
};

export const RISK_WORDS: Record<RiskLevel, string> = {
  [RiskLevel.RED]: '红灯',
  [RiskLevel.YELLOW]: '黄灯',
  [RiskLevel.GREEN]: '绿灯',
  [RiskLevel.UNKNOWN]: '暂无报告',
};

export function periodWords(period: string): { title: string; column: string } {
  return PERIOD_WORDS[period.slice(5)];
}

/**
 * The ledger's title row: jurisdiction, year, period and 推进情况台账 for a
 * round of reporting; a plan's ledger without a period is its 任务分解台账.
 * The importer takes kind, year, period and jurisdiction from exactly these words.
 */
export function ledgerTitle(jurisdiction: string, year: number, period: string | null): string {
  return period ? `${jurisdiction}${year}年${periodWords(period).title}推进情况台账` : `${jurisdiction}${year}年任务分解台账`;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A table's title above its header: 三、重点工作任务（136项）. The count is what the table holds, as the importer checks. */
export function sectionTitle(index: number, section: Section, tasks: number): string {
  return `${ORDINALS[index] ?? index + 1}、${SECTION_WORDS[section].title}（${tasks}项）`;
}

/**
 * The columns of one section's table, in the office's order: 序号, 工作类别,
 * (项目名称), the task, 责任区领导, 牵头单位, 配合单位, the period's
 * 进展情况, then the status and the light. A column none of the section's
 * tasks fills is left out, as the documents leave it out (a target has no
 * category); 牵头单位 always stands, the importer needs it.
 */
export function ledgerColumns(summary: SectionSummary, period: string | null): LedgerColumn[] {
  const words = SECTION_WORDS[summary.section];
  const columns: (LedgerColumn | false)[] = [
    { field: 'number', header: '序号', width: 6, long: false },
    summary.has_category && { field: 'category', header: '工作类别', width: 14, long: true },
    summary.has_title && { field: 'title', header: '项目名称', width: 16, long: true },
    { field: 'content', header: words.content, width: 44, long: true },
    summary.has_leaders && { field: 'leaders', header: '责任区领导', width: 11, long: false },
    { field: 'leadUnits', header: '牵头单位', width: 16, long: true },
    summary.has_co_units && { field: 'coUnits', header: '配合单位', width: 20, long: true },
    period !== null && { field: 'progress', header: `${periodWords(period).column}进展情况`, width: 44, long: true },
    { field: 'status', header: period ? '进展状态' : '最新进展状态', width: 9, long: false },
    { field: 'risk', header: '红黄绿灯', width: 9, long: false },
  ];
  return columns.filter((c): c is LedgerColumn => c !== false);
}

/** The text of a row's cell; several leaders or units are joined with 、 (one line, so no two names can be read as one wrapped name). */
export function cellText(row: LedgerRow, field: LedgerField): string | number {
  switch (field) {
    case 'number':
      return row.number;
    case 'category':
      return row.category ?? '';
    case 'title':
      return row.title ?? '';
    case 'content':
      return row.content;
    case 'leaders':
      return row.leaders.join('、');
    case 'leadUnits':
      return row.lead_units.join('、');
    case 'coUnits':
      return row.co_units.join('、');
    case 'progress':
      return row.progress ?? '';
    case 'status':
      return row.status ? STATUS_WORDS[row.status] : '';
    case 'risk':
      return RISK_WORDS[row.risk];
  }
}

/** Width of a text in Excel's character units: a Chinese (full-width) character takes two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

/** Lines a wrapped cell of `width` characters needs for `text`. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(width - 1, 2);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}
