import type { DocumentModel, ModelBlock, ModelCell, ModelRow, ReaderNote, SourceLine, SourcePosition } from '../model/document-model';

const SECTION = /^\s*([一二三四五六七八九十]+)、\s*(.+)$/;
const CATEGORY = /^\s*[（(]([一二三四五六七八九十]+)[)）]\s*(.+)$/;
const ITEM = /^\s*(?:(\d+)\s*[.．、]|[（(](\d+)[)）])\s*(.*)$/;
const LABELS = '责任区领导|责任领导|牵头区领导|区领导|牵头单位|牵头部门|配合单位|协同单位|协办单位|配合部门|责任单位|责任部门';
const RESPONSIBILITY = new RegExp(`^\\s*(${LABELS})\\s*[：:]\\s*(.*)$`);
const SPLIT_RESPONSIBILITIES = new RegExp(`[；;](?=\\s*(?:${LABELS})\\s*[：:])`);
const INLINE = new RegExp(`[（(]\\s*((?:${LABELS})\\s*[：:][^（）()]*)[)）]\\s*[。.]?\\s*$`);

type Role = 'leaders' | 'lead' | 'co' | 'duty';

function roleOf(label: string): Role {
  if (/领导/.test(label)) return 'leaders';
  if (/^牵头/.test(label)) return 'lead';
  if (/^责任/.test(label)) return 'duty';
  return 'co';
}

/** Numbered items and a responsibility line (牵头单位：…), or inline （牵头单位：…；…）. */
export function looksLikeProse(lines: string[]): boolean {
  return lines.some((l) => ITEM.test(l)) && lines.some((l) => RESPONSIBILITY.test(l) || INLINE.test(l));
}

interface ProseItem {
  number: number;
  at: SourcePosition;
  category: SourceLine | null;
  content: SourceLine[];
  roles: Record<Role, SourceLine[]>;
}

/**
 * Reader for the prose layout other districts use: section headings (一、),
 * category headings (（一）), numbered items (1. / 1、 / （1）), each followed
 * by its responsibility lines (责任区领导：…, 牵头单位：…, 配合单位：…, full-width
 * or ASCII colon) or ending with them inline in parentheses, separated by ；.
 * Each section with items becomes a table of the model, with the header words
 * the same columns have in the tables (so the interpretation reads it as it
 * reads a Word table); a closing 等 ends a list and is dropped. When a section
 * names only 责任单位 (no 牵头单位), those are its lead units; beside a
 * 牵头单位 they are co-units. Positions are text lines.
 */
export function readProse(lines: string[], encoding: string): DocumentModel {
  const blocks: ModelBlock[] = [];
  const notes: ReaderNote[] = [];
  const isItem = (i: number) => ITEM.test(lines[i]) && !CATEGORY.test(lines[i]);
  const headings = lines.flatMap((line, i) => (SECTION.test(line) ? [i] : []));
  // Only a heading followed by numbered items opens a task section; others (in the notice's body) are paragraphs.
  const sectionStarts = headings.filter((h, k) => {
    const end = headings[k + 1] ?? lines.length;
    for (let i = h + 1; i < end; i++) if (isItem(i)) return true;
    return false;
  });

  let i = 0;
  const paragraph = (at: number) => {
    if (lines[at].trim()) blocks.push({ kind: 'paragraph', text: lines[at], at: { line: at + 1 } });
  };
  for (; i < lines.length && i !== sectionStarts[0]; i++) paragraph(i);
  sectionStarts.forEach((start, k) => {
    paragraph(start);
    const end = sectionStarts[k + 1] ?? lines.length;
    const items: ProseItem[] = [];
    let category: SourceLine | null = null;
    let current: ProseItem | undefined;
    for (let j = start + 1; j < end; j++) {
      const text = lines[j].trim();
      const at = { line: j + 1 };
      if (!text) continue;
      const categoryMatch = text.match(CATEGORY);
      const itemMatch = !categoryMatch && text.match(ITEM);
      const responsibility = text.match(RESPONSIBILITY);
      if (categoryMatch) {
        category = { text: categoryMatch[2].trim(), at };
        current = undefined;
      } else if (itemMatch) {
        current = { number: Number(itemMatch[1] ?? itemMatch[2]), at, category, content: [], roles: { leaders: [], lead: [], co: [], duty: [] } };
        items.push(current);
        let body = itemMatch[3];
        const inline = body.match(INLINE);
        if (inline) {
          body = body.slice(0, inline.index).trim();
          for (const part of inline[1].split(/[；;]/)) addResponsibility(current, part, at);
        }
        current.content.push({ text: body, at });
      } else if (responsibility && current) {
        // One line may hold several: 牵头单位：区发展改革委；配合单位：区财政局
        for (const part of text.split(SPLIT_RESPONSIBILITIES)) addResponsibility(current, part, at);
      } else if (current && !Object.values(current.roles).some((r) => r.length)) {
        current.content.push({ text, at });
      } else {
        // Text after an item's responsibility lines and before the next item: a paragraph of the notice.
        blocks.push({ kind: 'paragraph', text, at });
      }
    }
    renumberRestarts(items, notes);
    if (items.length) blocks.push(proseTable(items, { line: start + 1 }));
  });
  return { format: 'prose', encoding, blocks, notes, problems: [] };
}

/**
 * Some districts number items afresh under each category heading (（一）1. 2.
 * （二）1. …). A section's items are one numbered list in duban (progress
 * reports refer to them by number), so a restart continues the count, and
 * the reader says so.
 */
function renumberRestarts(items: ProseItem[], notes: ReaderNote[]): void {
  let previous = 0;
  let shift = 0;
  for (const item of items) {
    if (item.number + shift <= previous && item.number === 1) shift = previous;
    if (shift) {
      notes.push({ at: item.at, message: `numbering restarts under “${item.category?.text ?? ''}”: item ${item.number} read as ${item.number + shift}` });
      item.number += shift;
    }
    previous = item.number;
  }
}

function addResponsibility(item: ProseItem, part: string, at: SourcePosition): void {
  const m = part.trim().match(RESPONSIBILITY);
  if (!m) return;
  const value = m[2].trim().replace(/[。.]$/, '').replace(/等$/, '').trim();
  if (value) item.roles[roleOf(m[1])].push({ text: value, at });
}

function proseTable(items: ProseItem[], at: SourcePosition): ModelBlock {
  const hasCategory = items.some((i) => i.category);
  // A section that names no leader has no leader column (an empty 责任区领导 cell would be a damaged row).
  const hasLeaders = items.some((i) => i.roles.leaders.length);
  const header = ['序号', ...(hasCategory ? ['工作类别'] : []), '任务', ...(hasLeaders ? ['责任区领导'] : []), '牵头单位', '配合单位'];
  const cell = (lines: SourceLine[], fallback: SourcePosition): ModelCell => ({ lines: lines.length ? lines : [{ text: '', at: fallback }], at: lines[0]?.at ?? fallback });
  const rows: ModelRow[] = [{ cells: header.map((text) => cell([{ text, at }], at)), at }];
  for (const item of items) {
    // 责任单位 alone names the lead units; beside a 牵头单位 it names co-units.
    const own = item.roles.lead.length > 0;
    const lead = own ? item.roles.lead : item.roles.duty;
    const co = own ? [...item.roles.co, ...item.roles.duty] : item.roles.co;
    rows.push({
      at: item.at,
      cells: [
        cell([{ text: String(item.number), at: item.at }], item.at),
        ...(hasCategory ? [cell(item.category ? [item.category] : [], item.at)] : []),
        cell(item.content, item.at),
        ...(hasLeaders ? [cell(item.roles.leaders, item.at)] : []),
        cell(lead, item.at),
        cell(co, item.at),
      ],
    });
  }
  return { kind: 'table', rows, at };
}
