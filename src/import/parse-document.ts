import { createHash } from 'node:crypto';
import { DocumentKind } from '../document/document-kind';
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
import { type CellPlace, checkLeaderNames, checkLostTabs, checkText, checkUnitNames } from './validate/cell-kinds';
import { Findings, type ParseOptions } from './validate/checks';
import { checkNumbering, checkStatedCount } from './validate/numbering';
import { announcedTables, checkAnnouncedTables, checkCellsBeforeFirstTable } from './validate/tables';

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
export function parseDocument(bytes: Uint8Array, file: string, registry: UnitRegistry, options: ParseOptions = {}): ParsedDocument {
  const { text, encoding } = decodeDocument(bytes, file);
  // Trailing spaces (and U+3000 padding) carry nothing; left in, a blank line that holds spaces stops separating rows.
  const lines = text.split('\n').map(trimEndBlanks);
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  const allowed = [...new Set(options.allow ?? [])];
  const findings = new Findings(file, allowed, problems, warnings);
  if (encoding !== 'utf-8') warnings.push({ line: 1, message: `the file is ${encoding.toUpperCase()}-encoded; decoded as ${encoding.toUpperCase()}` });

  const tables = findTables(lines);
  if (tables.length === 0) {
    throw new DocumentImportError([{ file, message: 'unknown layout: no table with a 序号 header row (a line “\\t序号”)' }]);
  }
  const letterheadLines = lines.slice(0, tables[0].preambleStart);
  const { meta, problems: letterheadProblems } = readLetterhead(letterheadLines, file);
  for (const problem of letterheadProblems) problems.push(problem);
  checkCellsBeforeFirstTable(lines, tables[0].preambleStart, findings);
  const pendingTexts: { text: string; place: CellPlace }[] = [];
  const leaderNames = new Set<string>();
  const bodyCounts = statedCountsInBody(letterheadLines);

  const sections: ParsedSection[] = [];
  let layoutFailed = false;
  tables.forEach((table, t) => {
    const end = t + 1 < tables.length ? tables[t + 1].preambleStart : lines.length;
    const result = tableLayout(table.headers, table.title);
    if ('error' in result) {
      problems.push({ file, line: table.headerLine + 1, message: `unknown layout: ${result.error}` });
      layoutFailed = true;
      return;
    }
    const { layout } = result;
    const headerOf = (field: string) => layout.columns.find((c) => c.field === field)?.header ?? field;
    if (sections.some((s) => s.section === layout.section)) {
      problems.push({ file, line: table.headerLine + 1, message: `a second ${layout.section} table (“${table.title}”)` });
      return;
    }
    const { cells, stray } = readCells(lines, table.bodyStart, end);
    for (const line of stray) problems.push({ file, line, message: 'text outside any table cell' });
    const { rows, problems: rowProblems, numbered } = readRows(cells, layout, file);
    for (const problem of rowProblems) problems.push(problem);
    checkNumbering(numbered, table.title, headerOf('number'), findings);
    const seen = new Set<number>();

    const items: ParsedItem[] = [];
    let category: string | null = null;
    for (const row of rows) {
      const place = { file, line: row.line, row: row.number };
      if (row.numberInferred) {
        warnings.push({ line: row.line, message: `row has no 序号 cell; numbered ${row.number} (one after the row above)` });
      }
      if (seen.has(row.number)) {
        problems.push({ ...place, field: headerOf('number'), message: `序号 ${row.number} appears twice in the table` });
        continue;
      }
      seen.add(row.number);
      checkRowCells(row, layout.columns.map((c) => c.field), headerOf, table.title, registry, findings, pendingTexts, leaderNames);
      const categoryText = row.cells.category ? cellText(row.cells.category).replace(/\s+/g, '') : '';
      if (categoryText) category = categoryText;
      const title = row.cells.title ? cellText(row.cells.title) : null;
      const content = row.cells.content ? cellText(row.cells.content) : title ?? '';
      if (!content) problems.push({ ...place, field: headerOf('content'), message: 'the task text is empty' });
      const units = (field: 'leadUnits' | 'coUnits') => {
        const mentions = readUnits(row, field, registry, warnings, headerOf(field));
        const cell = row.cells[field];
        if (cell) checkUnitNames(mentions, cellPlace(row, cell, headerOf(field), table.title), field === 'leadUnits', registry, findings);
        return mentions;
      };
      const progress = row.cells.progress ? cellText(row.cells.progress) : null;
      if (row.cells.progress && !progress) warnings.push({ line: row.cells.progress.line, message: `row ${row.number} has an empty ${headerOf('progress')} cell` });
      items.push({
        number: row.number,
        category: layout.columns.some((c) => c.field === 'category') ? category : null,
        title,
        content,
        leaders: row.cells.leaders ? leadersOf(row, row.cells.leaders, headerOf('leaders'), table.title, registry, findings) : [],
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
    // The title's own count (10项…表); a count in a body heading or the 附件 list is checked with the announcements.
    checkStatedCount(table.statedCount, items.length, table.title, table.titleLine + 1, findings);
    sections.push({ section: layout.section, title: table.title, statedCount, items });
  });

  for (const { text, place } of pendingTexts) checkText(text, place, registry, leaderNames, findings);
  // A table refused for its layout is there, just unreadable: it has been reported already.
  if (!layoutFailed) checkAnnouncedTables(announcedTables(letterheadLines), new Map(sections.map((s) => [s.section, s.items.length])), findings);
  findings.finish();

  if (problems.length || !meta) throw new DocumentImportError(problems);
  return {
    file,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    encoding,
    document: meta,
    sections,
    warnings: warnings.sort((a, b) => a.line - b.line),
    allowedChecks: allowed,
  };
}

/** Drops trailing spaces and U+3000 by hand: /[ \u3000]+$/ backtracks quadratically over a long run of inner spaces. */
function trimEndBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x3000)) end--;
  return end === line.length ? line : line.slice(0, end);
}

function cellPlace(row: Row, cell: Cell, field: string, table: string): CellPlace {
  return { line: cell.line, row: row.number, field, table };
}

function leadersOf(row: Row, cell: Cell, header: string, table: string, registry: UnitRegistry, findings: Findings): string[] {
  const names = readLeaderCell(cell.lines);
  checkLeaderNames(names, cellPlace(row, cell, header, table), registry, findings);
  return names;
}

/** Checks every cell of a row for what its column holds; text cells are checked once the document's leaders are known. */
function checkRowCells(
  row: Row,
  fields: readonly string[],
  headerOf: (field: string) => string,
  table: string,
  registry: UnitRegistry,
  findings: Findings,
  pendingTexts: { text: string; place: CellPlace }[],
  leaderNames: Set<string>,
): void {
  for (const field of fields) {
    const cell = row.cells[field as keyof Row['cells']];
    if (!cell) continue;
    const place = cellPlace(row, cell, headerOf(field), table);
    checkLostTabs(cell.lines, cell.line, place, findings);
    if (field === 'leaders') for (const name of readLeaderCell(cell.lines)) leaderNames.add(name);
    if (field === 'content' || field === 'category' || field === 'title' || field === 'progress') {
      const text = cellText(cell);
      if (text) pendingTexts.push({ text, place });
    }
  }
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
