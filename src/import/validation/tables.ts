import type { Section } from '../../task/section';
import type { Findings } from './checks';

/**
 * Table cells (lines opening with a tab) before the first 序号 header row
 * belong to a table whose header row is missing: without this check their
 * rows silently vanish (a targets table without its header gave 0 targets).
 */
export function checkCellsBeforeFirstTable(lines: readonly string[], end: number, findings: Findings): void {
  for (let i = 0; i < end; i++) {
    if (/^ *\t/.test(lines[i])) {
      findings.fail('missing-table', 'the letterhead', {
        line: i + 1,
        message: `a table cell (“${lines[i].trim().slice(0, 30)}”) before the first 序号 header row: a table's header row is missing`,
      });
      return;
    }
  }
}

export interface Announcement {
  section: Section;
  line: number;
  text: string;
  /** The count it states (137项), if any. */
  count: number | null;
}

/**
 * The tables a document announces before its first table: the 附件 list
 * ("附件：1. …预期目标任务分解表", "2. …") and headings that state a count
 * ("三、137项重点工作任务进展情况"). Which table a title names is the
 * interpretation's knowledge of header words (`sectionOf`), passed in so that
 * the checks stay below the interpretation that calls them.
 */
export function announcedTables(lines: readonly string[], sectionOf: (title: string) => Section | undefined): Announcement[] {
  const found: Announcement[] = [];
  let inList = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const listStart = line.match(/^附件[:：]\s*(.*)$/);
    if (listStart) inList = true;
    const entry = (listStart ? listStart[1] : line).match(/^\d+\s*[.．、]\s*(.+表)$/);
    if (inList && entry) {
      const section = sectionOf(entry[1]);
      if (section) found.push({ section, line: i + 1, text: line, count: statedCount(entry[1]) });
    } else if (inList && line && !listStart) inList = false;
    const heading = line.match(/^[一二三四五六七八九十]+、\d+项(.+)$/);
    const section = heading && sectionOf(heading[1]);
    if (section) found.push({ section, line: i + 1, text: line, count: statedCount(line) });
  });
  return found;
}

function statedCount(text: string): number | null {
  const m = text.match(/(\d+)项/);
  return m ? Number(m[1]) : null;
}

/**
 * Every announced table must be there (a table missing, or missing its header
 * row, is refused), with as many rows as each announcement states.
 */
export function checkAnnouncedTables(announced: readonly Announcement[], present: ReadonlyMap<Section, number>, findings: Findings): void {
  const reported = new Set<Section>();
  for (const a of announced) {
    const rows = present.get(a.section);
    if (rows !== undefined && a.count !== null && a.count !== rows) {
      findings.fail('stated-count', 'the letterhead', {
        line: a.line,
        message: `the document says ${a.count} items (“${a.text}”), its ${a.section} table has ${rows} rows`,
      });
    }
    if (rows !== undefined || reported.has(a.section)) continue;
    reported.add(a.section);
    findings.fail('missing-table', 'the letterhead', {
      line: a.line,
      message: `the document announces a ${a.section} table (“${a.text}”) but has no such table with a 序号 header row`,
    });
  }
}
