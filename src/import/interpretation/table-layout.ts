import { Section } from '../../task/section';

/** What a column of a task table holds. */
export type Field = 'number' | 'category' | 'content' | 'title' | 'leaders' | 'leadUnits' | 'coUnits' | 'progress' | 'status' | 'risk';

export interface Column {
  field: Field;
  /** The header word as the document wrote it. */
  header: string;
}

export interface TableLayout {
  section: Section;
  /** One entry per data cell: the 工作任务 header spans two (category, content). */
  columns: Column[];
}

interface HeaderWord {
  pattern: RegExp;
  fields: Field[];
  section?: Section;
}

/**
 * Header words seen in the documents, by what they mean. Years are stripped
 * first (2024年预期目标 → 预期目标), and a quarter prefix (一季度进展).
 */
const HEADER_WORDS: HeaderWord[] = [
  { pattern: /^序号$/, fields: ['number'] },
  { pattern: /^(工作类别|类别|领域|任务类别|工作领域)$/, fields: ['category'] },
  { pattern: /^(工作任务|具体任务|重点任务|重点工作任务)$/, fields: ['category', 'content'], section: Section.KEY_TASK },
  { pattern: /^(预期目标|目标任务|发展目标)$/, fields: ['content'], section: Section.TARGET },
  { pattern: /^(项目名称|民生实事)$/, fields: ['title'], section: Section.LIVELIHOOD },
  { pattern: /^(任务|任务内容|年度任务|建设内容)$/, fields: ['content'] },
  { pattern: /^(责任区领导|责任领导|区领导|牵头区领导)$/, fields: ['leaders'] },
  { pattern: /^(牵头单位|牵头部门)$/, fields: ['leadUnits'] },
  // 责任单位 alone names the lead units; beside a 牵头单位 column it names the co-units.
  { pattern: /^(责任单位|责任部门)$/, fields: ['leadUnits'] },
  { pattern: /^(协同单位|配合单位|协办单位|配合部门)$/, fields: ['coUnits'] },
  { pattern: /^(进展情况|进展|推进情况|完成情况)$/, fields: ['progress'] },
  // A ledger's own judgements (duban's exports write them, offices add them by hand): read past, never
  // imported, since the status and the light are worked out again from the progress text and the dates.
  { pattern: /^(进展状态|最新进展状态|状态)$/, fields: ['status'] },
  { pattern: /^(红黄绿灯|风险等级|预警等级)$/, fields: ['risk'] },
];

export type LayoutResult = { layout: TableLayout } | { error: string };

/**
 * Maps header words to fields. `spans` says how many grid columns each header
 * covers when the reader knows (Word, HTML, spreadsheets); the text export
 * does not say, and there 工作任务 always covers the category and the task.
 */
export function tableLayout(headers: string[], title: string, spans?: number[]): LayoutResult {
  const columns: Column[] = [];
  const unknown: string[] = [];
  let section: Section | undefined;
  const words = headers.map(headerWord);
  const hasCategory = words.some((w) => HEADER_WORDS[1].pattern.test(w));
  const hasLead = words.some((w) => /^(牵头单位|牵头部门)$/.test(w));
  headers.forEach((header, k) => {
    const word = words[k];
    const known = HEADER_WORDS.find((w) => w.pattern.test(word));
    if (!known) {
      unknown.push(header);
      return;
    }
    section ??= known.section;
    let fields = known.fields;
    if (fields.length === 2 && (hasCategory || (spans && spans[k] < 2))) fields = ['content'];
    if (fields[0] === 'leadUnits' && hasLead && /^责任/.test(word)) fields = ['coUnits'];
    fields.forEach((field) => columns.push({ field, header }));
  });
  if (unknown.length) return { error: `unknown column header ${unknown.map((h) => `“${h}”`).join(', ')}` };
  section ??= sectionFromTitle(title);
  if (!section) return { error: `cannot tell which section the table “${title}” is (targets, livelihood projects or key tasks)` };
  const fields = columns.map((c) => c.field);
  const missing = (['number', 'content', 'leadUnits'] as Field[]).filter(
    (f) => !fields.includes(f) && !(f === 'content' && fields.includes('title')),
  );
  if (missing.length) return { error: `the table has no ${missing.join(', ')} column` };
  return { layout: { section, columns } };
}

function headerWord(header: string): string {
  return header
    .replace(/[\s\u3000]+/g, '')
    .replace(/^\d{4}年/, '')
    .replace(/^(一|二|三|四|第一|第二|第三|第四)季度|^上半年|^全年/, '');
}

export function sectionFromTitle(title: string): Section | undefined {
  if (/预期目标/.test(title)) return Section.TARGET;
  if (/民生实事/.test(title)) return Section.LIVELIHOOD;
  if (/重点工作任务|重点任务/.test(title)) return Section.KEY_TASK;
  return undefined;
}
