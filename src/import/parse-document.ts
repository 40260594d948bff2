import { createHash } from 'node:crypto';
import { DocumentKind } from '../document/document-kind';
import type { Section } from '../task/section';
import { type Cell, cellText, readCells } from './cells';
import { decodeDocument } from './decode';
import { DocumentImportError, type ImportProblem } from './import-error';
import { readLeaderCell } from './leader-cell';
import { readLetterhead, statedCountsInBody } from './letterhead';
import type { ImportWarning, ParsedDocument, ParsedItem, ParsedSection } from './parsed-document';
import { readRows, type Row } from './rows';
import { tableLayout } from './table-layout';
import { readUnitCell, type UnitMention } from './unit-cell';
import type { UnitRegistry } from './unit-registry';

const HEADER_START = /^\t序号\s*$/;
const ATTACHMENT_MARK = /^\s*附件\s*\d+\s*$/;

interface TableBounds {
  /** First line of the preamble (附件N / title), 0-based. */
  preambleStart: number;
  title: string;
  titleLine: number;
  headerLine: number;
  headers: string[];
  /** First line after the header cells. */
  bodyStart: number;
}

/**
 * Parses one exported document into plain data. Pure: reads nothing but the
 * bytes and the registry, writes nothing. Collects every problem before it
 * refuses a document.
 */
export function parseDocument(bytes: Uint8Array, file: string, registry: UnitRegistry): ParsedDocument {
  const { text, encoding } = decodeDocument(bytes, file);
  const lines = text.split('\n');
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  if (encoding === 'gbk') warnings.push({ line: 1, message: 'the file is GBK-encoded; decoded as GBK' });

  const tables = findTables(lines);
  if (tables.length === 0) {
    throw new DocumentImportError([{ file, message: 'unknown layout: no table with a 序号 header row (a line “\\t序号”)' }]);
  }
  const letterheadLines = lines.slice(0, tables[0].preambleStart);
  const { meta, problems: letterheadProblems } = readLetterhead(letterheadLines, file);
  problems.push(...letterheadProblems);
  const bodyCounts = statedCountsInBody(letterheadLines);

  const sections: ParsedSection[] = [];
  tables.forEach((table, t) => {
    const end = t + 1 < tables.length ? tables[t + 1].preambleStart : lines.length;
    const result = tableLayout(table.headers, table.title);
    if ('error' in result) {
      problems.push({ file, line: table.headerLine + 1, message: `unknown layout: ${result.error}` });
      return;
    }
    const { layout } = result;
    if (sections.some((s) => s.section === layout.section)) {
      problems.push({ file, line: table.headerLine + 1, message: `a second ${layout.section} table (“${table.title}”)` });
      return;
    }
    const { cells, stray } = readCells(lines, table.bodyStart, end);
    stray.forEach((line) => problems.push({ file, line, message: 'text outside any table cell' }));
    const { rows, problems: rowProblems } = readRows(cells, layout, file);
    problems.push(...rowProblems);
    const headerOf = (field: string) => layout.columns.find((c) => c.field === field)?.header ?? field;

    const items: ParsedItem[] = [];
    let category: string | null = null;
    for (const row of rows) {
      const place = { file, line: row.line, row: row.number };
      if (row.numberInferred) {
        warnings.push({ line: row.line, message: `row has no 序号 cell; numbered ${row.number} (one after the row above)` });
      } else if (row.number !== (items.at(-1)?.number ?? 0) + 1) {
        warnings.push({ line: row.line, message: `序号 jumps from ${items.at(-1)?.number ?? 0} to ${row.number}` });
      }
      if (items.some((i) => i.number === row.number)) {
        problems.push({ ...place, field: headerOf('number'), message: `序号 ${row.number} appears twice in the table` });
        continue;
      }
      const categoryText = row.cells.category ? cellText(row.cells.category).replace(/\s+/g, '') : '';
      if (categoryText) category = categoryText;
      const title = row.cells.title ? cellText(row.cells.title) : null;
      const content = row.cells.content ? cellText(row.cells.content) : title ?? '';
      if (!content) problems.push({ ...place, field: headerOf('content'), message: 'the task text is empty' });
      const units = (field: 'leadUnits' | 'coUnits') => readUnits(row, field, registry, warnings, headerOf(field));
      const progress = row.cells.progress ? cellText(row.cells.progress) : null;
      if (row.cells.progress && !progress) warnings.push({ line: row.cells.progress.line, message: `row ${row.number} has an empty ${headerOf('progress')} cell` });
      items.push({
        number: row.number,
        category: layout.columns.some((c) => c.field === 'category') ? category : null,
        title,
        content,
        leaders: row.cells.leaders ? readLeaderCell(row.cells.leaders.lines) : [],
        leadUnits: units('leadUnits'),
        coUnits: units('coUnits'),
        progress: progress || null,
        line: row.line,
      });
    }
    if (meta?.kind === DocumentKind.PROGRESS_REPORT && !layout.columns.some((c) => c.field === 'progress')) {
      problems.push({ file, line: table.headerLine + 1, message: `the report's table “${table.title}” has no progress column (进展情况)` });
    }
    const statedCount = table.statedCount ?? bodyCounts.get(layout.section) ?? null;
    checkNumbering(items, statedCount, layout.section, table, warnings);
    sections.push({ section: layout.section, title: table.title, statedCount, items });
  });

  if (problems.length || !meta) throw new DocumentImportError(problems);
  return {
    file,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    encoding,
    document: meta,
    sections,
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}

function readUnits(
  row: Row,
  field: 'leadUnits' | 'coUnits',
  registry: UnitRegistry,
  warnings: ImportWarning[],
  header: string,
): UnitMention[] {
  const cell: Cell | undefined = row.cells[field];
  if (!cell) return [];
  const { units, notes } = readUnitCell(cell.lines, registry);
  notes.forEach((note) => warnings.push({ line: cell.line, message: `row ${row.number}, ${header}: ${note}` }));
  units
    .filter((u) => !u.known)
    .forEach((u) =>
      warnings.push({ line: cell.line, message: `row ${row.number}, ${header}: unit “${u.name}” is not in the registry; imported as written and flagged for review` }),
    );
  return units;
}

/** The document promises 1..N (and sometimes says N); say so when it does not hold. */
function checkNumbering(
  items: ParsedItem[],
  statedCount: number | null,
  section: Section,
  table: TableBounds & { statedCount?: number | null },
  warnings: ImportWarning[],
): void {
  const numbers = items.map((i) => i.number);
  const max = Math.max(0, ...numbers);
  const missing = Array.from({ length: max }, (_, k) => k + 1).filter((n) => !numbers.includes(n));
  if (missing.length) warnings.push({ line: table.headerLine + 1, message: `${section}: rows ${missing.join(', ')} are missing from 1..${max}` });
  if (statedCount !== null && statedCount !== items.length) {
    warnings.push({
      line: table.titleLine + 1,
      message: `${section}: the document says ${statedCount} items (“${table.title}”), the table has ${items.length}`,
    });
  }
}

function findTables(lines: string[]): (TableBounds & { statedCount: number | null })[] {
  const tables: (TableBounds & { statedCount: number | null })[] = [];
  lines.forEach((line, index) => {
    if (!HEADER_START.test(line)) return;
    let bodyStart = index;
    const headers: string[] = [];
    while (bodyStart < lines.length && lines[bodyStart].startsWith('\t')) headers.push(lines[bodyStart++].slice(1).trim());
    // Walk back over the lines between the previous table's last cell and this header.
    let top = index;
    while (top > 0 && !/^ *\t/.test(lines[top - 1])) top--;
    const between = Array.from({ length: index - top }, (_, k) => top + k);
    const mark = between.find((i) => ATTACHMENT_MARK.test(lines[i]));
    const titleIndex = [...between].reverse().find((i) => lines[i].trim() && !ATTACHMENT_MARK.test(lines[i]));
    const preambleStart = mark ?? titleIndex ?? index;
    const title = titleIndex !== undefined ? lines[titleIndex].trim() : '';
    const count = title.match(/(\d+)项/);
    tables.push({
      preambleStart,
      title,
      titleLine: titleIndex ?? index,
      headerLine: index,
      headers,
      bodyStart,
      statedCount: count ? Number(count[1]) : null,
    });
  });
  return tables;
}
