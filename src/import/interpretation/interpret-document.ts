import { createHash } from 'node:crypto';
import { DocumentKind } from '../../document/document-kind';
import {
  cellLines,
  collapseLayoutColumns,
  type DocumentModel,
  type ModelCell,
  type ModelParagraph,
  type ModelTable,
  modelCellText,
  type SourcePosition,
  type TextEncoding,
} from '../model/document-model';
import { DocumentImportError, type ImportProblem } from '../model/import-error';
import { readLeaderCell } from './leader-cell';
import { readLetterhead, statedCountsInBody } from './letterhead';
import type { DocumentMeta, ImportWarning, ParsedDocument, ParsedSection, ReadItem } from '../model/parsed-document';
import { withSignals } from './item-signals';
import { canonicalJurisdiction, chooseJurisdiction } from './jurisdiction';
import { gridOnly, readRows, type Row } from './rows';
import { sectionFromTitle, tableLayout } from './table-layout';
import { readUnitCell } from './unit-cell';
import type { UnitMention } from '../model/unit-mention';
import type { UnitRegistry } from '../registry/unit-registry';
import { type CellPlace, checkLeaderNames, checkLostTabs, checkText, checkUnitNames } from '../validation/cell-kinds';
import { Findings, type ParseOptions } from '../validation/checks';
import { checkNumbering, checkStatedCount, type PreviousTable } from '../validation/numbering';
import { announcedTables, checkAnnouncedTables, checkCellsBeforeFirstTable } from '../validation/tables';

const ATTACHMENT_MARK = /^\s*附件\s*\d+\s*$/;

interface TaskTable {
  table: ModelTable;
  title: string;
  titleAt: SourcePosition;
  /** Index of the first block of the table's preamble (附件N / title). */
  preambleStart: number;
  statedCount: number | null;
}

/** Picks the registry of the document's jurisdiction (an empty one for a jurisdiction nobody reviewed yet). */
export type RegistryFor = (jurisdiction: string) => UnitRegistry;

/**
 * The interpretation, the same for every format: letterhead, sections, header
 * words, category continuation, counts, unit and leader cells, over the
 * document model a reader made. Collects every problem before it refuses.
 */
export function interpretDocument(
  model: DocumentModel,
  bytes: Uint8Array,
  file: string,
  registries: UnitRegistry | RegistryFor,
  options: ParseOptions = {},
  /** The reviewed registries, for a document that does not name its jurisdiction. */
  reviewed: readonly UnitRegistry[] = typeof registries === 'function' ? [] : [registries],
): ParsedDocument {
  const problems: ImportProblem[] = model.problems.map((p) => ({ file, line: p.at.line, at: gridOnly(p.at), message: p.message }));
  const warnings: ImportWarning[] = model.notes.map((n) => warning(n.at, n.message));
  const allowed = [...new Set(options.allow ?? [])];
  const findings = new Findings(file, allowed, problems, warnings);

  const tables = findTaskTables(model);
  if (tables.length === 0) {
    throw new DocumentImportError([{ file, message: noTableMessage(model) }]);
  }
  const letterheadBlocks = model.blocks.slice(0, tables[0].preambleStart).filter((b): b is ModelParagraph => b.kind === 'paragraph');
  if (model.titleHint) letterheadBlocks.push({ kind: 'paragraph', text: model.titleHint.text, at: model.titleHint.at });
  const letterheadLines = letterheadBlocks.map((b) => b.text);
  const { meta, problems: letterheadProblems } = readLetterhead(letterheadLines, file);
  // The letterhead reader counts lines of what it was given; say them in the source's terms.
  problems.push(
    ...letterheadProblems.map((p) => {
      const at = p.line !== undefined ? letterheadBlocks[p.line - 1]?.at : undefined;
      return { ...p, line: at?.line, at: at && gridOnly(at) };
    }),
  );
  const bodyCounts = statedCountsInBody(letterheadLines);
  // Each table's header and rows, read once: the unit cells decide the jurisdiction of a document that names none.
  const prepared = tables.map((task) => {
    const [headerRow, ...bodyRows] = (model.format === 'text' ? task.table : collapseLayoutColumns(task.table)).rows;
    const header = headerCells(headerRow.cells);
    const spansKnown = model.format !== 'text' && model.headerSpans !== 'unknown';
    const result = tableLayout(header.map((h) => h.text), task.title, spansKnown ? header.map((h) => h.span) : undefined);
    const read = 'error' in result ? undefined : readRows(bodyRows, result.layout, file, model.format !== 'text');
    return { task, headerRow, bodyRows, result, read };
  });
  let documentMeta: DocumentMeta | undefined;
  if (meta) {
    const { named, issuerLine, ...rest } = meta;
    const unitCells = prepared.flatMap((p) => p.read?.rows.flatMap((row) => [row.cells.leadUnits, row.cells.coUnits].filter((c): c is ModelCell => !!c)) ?? []);
    const choice = chooseJurisdiction({
      named,
      issuer: meta.issuer,
      stated: options.jurisdiction === undefined ? undefined : canonicalJurisdiction(options.jurisdiction, reviewed),
      kind: meta.kind,
      year: meta.year,
      recognition: reviewed.filter((r) => r.entries.length > 0).map((registry) => ({ registry, ...recognised(unitCells, registry) })),
      plans: options.plans ?? [],
    });
    if ('problem' in choice) {
      const at = issuerLine !== undefined ? letterheadBlocks[issuerLine - 1]?.at : undefined;
      problems.push({ file, line: at?.line, at: at && gridOnly(at), message: choice.problem });
    } else {
      documentMeta = { ...rest, jurisdiction: choice.jurisdiction, jurisdictionRule: choice.rule, jurisdictionReason: choice.because };
      if (choice.rule === 'UNITS' || choice.rule === 'PLAN') {
        warnings.push({ line: 1, message: `the document names no jurisdiction: read as ${choice.jurisdiction}'s because ${choice.because}` });
      }
    }
  }
  const registry = typeof registries === 'function' ? (documentMeta ? registries(documentMeta.jurisdiction) : undefined) : registries;
  if (model.format === 'text') {
    const lines = byLine(letterheadBlocks);
    checkCellsBeforeFirstTable(lines, lines.length, findings);
  }
  const pendingTexts: { text: string; place: CellPlace }[] = [];
  const leaderNames = new Set<string>();

  const sections: ParsedSection<ReadItem>[] = [];
  let layoutFailed = false;
  let previousTable: PreviousTable | undefined;
  for (const { task, headerRow, bodyRows, result, read } of prepared) {
    if ('error' in result) {
      problems.push({ file, line: headerRow.at.line, at: gridOnly(headerRow.at), message: `unknown layout: ${result.error}` });
      layoutFailed = true;
      continue;
    }
    const { layout } = result;
    if (!read) continue;
    if (sections.some((s) => s.section === layout.section)) {
      problems.push({ file, line: headerRow.at.line, at: gridOnly(headerRow.at), message: `a second ${layout.section} table (“${task.title}”)` });
      continue;
    }
    const { rows, problems: rowProblems, numbered } = read;
    problems.push(...rowProblems);
    const headerOf = (field: string) => layout.columns.find((c) => c.field === field)?.header ?? field;
    if (numbered.length === 0 && rowProblems.length === 0) {
      findings.fail('empty-table', task.title, {
        line: headerRow.at.line,
        at: gridOnly(headerRow.at),
        message: `the table “${task.title}” has its header row but no task rows`,
      });
    }
    if (checkNumbering(numbered, task.title, headerOf('number'), findings, previousTable)) {
      warnings.push(warning(bodyRows[0]?.at ?? headerRow.at, `序号 of “${task.title}” continue those of “${previousTable!.title}” (${numbered[0].number} follows ${previousTable!.last}) rather than restarting at 1`));
    }
    if (numbered.length) previousTable = { title: task.title, last: numbered[numbered.length - 1].number };
    const seen = new Set<number>();

    const items: ReadItem[] = [];
    let category: string | null = null;
    for (const row of rows) {
      const place = { file, line: row.line, row: row.number, at: gridOnly(row.at) };
      if (row.numberInferred) {
        warnings.push(warning(row.at, `row has no 序号 cell; numbered ${row.number} (one after the row above)`));
      }
      if (seen.has(row.number)) {
        problems.push({ ...place, field: headerOf('number'), message: `序号 ${row.number} appears twice in the table` });
        continue;
      }
      seen.add(row.number);
      if (registry) checkRowCells(row, layout.columns.map((c) => c.field), headerOf, task.title, pendingTexts, leaderNames, findings);
      const categoryText = modelCellText(row.cells.category).replace(/\s+/g, '');
      if (categoryText) category = categoryText;
      const title = row.cells.title ? modelCellText(row.cells.title) : null;
      const content = row.cells.content ? modelCellText(row.cells.content) : title ?? '';
      if (!content) problems.push({ ...place, at: cellAt(row.cells.content) ?? place.at, field: headerOf('content'), message: 'the task text is empty' });
      const units = (field: 'leadUnits' | 'coUnits') => {
        const cell = row.cells[field];
        if (!registry || !cell) return [];
        const mentions = readUnits(row, field, registry, warnings, headerOf(field));
        checkUnitNames(mentions, cellPlace(row, cell, headerOf(field), task.title), field === 'leadUnits', registry, findings);
        return mentions;
      };
      const progress = row.cells.progress ? modelCellText(row.cells.progress) : null;
      if (row.cells.progress && !progress) warnings.push(warning(row.cells.progress.at, `row ${row.number} has an empty ${headerOf('progress')} cell`));
      items.push({
        number: row.number,
        category: layout.columns.some((c) => c.field === 'category') ? category : null,
        title,
        content,
        leaders: row.cells.leaders ? leadersOf(row, row.cells.leaders, headerOf('leaders'), task.title, registry, findings) : [],
        leadUnits: units('leadUnits'),
        coUnits: units('coUnits'),
        progress: progress || null,
        line: row.line,
      });
    }
    if (documentMeta?.kind === DocumentKind.PROGRESS_REPORT && !layout.columns.some((c) => c.field === 'progress')) {
      problems.push({ file, line: headerRow.at.line, at: gridOnly(headerRow.at), message: `the report's table “${task.title}” has no progress column (进展情况)` });
    }
    const statedCount = task.statedCount ?? bodyCounts.get(layout.section) ?? null;
    // The title's own count (10项…表); a count in a body heading or the 附件 list is checked with the announcements.
    checkStatedCount(task.statedCount, items.length, task.title, task.titleAt.line, findings);
    sections.push({ section: layout.section, title: task.title, statedCount, items });
  }

  if (registry) for (const { text, place } of pendingTexts) checkText(text, place, registry, leaderNames, findings);
  // A table refused for its layout is there, just unreadable: it has been reported already.
  if (!layoutFailed) {
    const announced = announcedTables(letterheadLines, sectionFromTitle).map((a) => ({ ...a, line: letterheadBlocks[a.line - 1]?.at.line ?? a.line }));
    checkAnnouncedTables(announced, new Map(sections.map((s) => [s.section, s.items.length])), findings);
  }
  findings.finish();

  if (problems.length || !documentMeta) throw new DocumentImportError(problems);
  const year = documentMeta.year;
  return {
    file,
    format: model.format,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    encoding: model.encoding as TextEncoding,
    document: documentMeta,
    sections: sections.map((section) => withSignals(section, year)),
    warnings: warnings.sort((a, b) => a.line - b.line),
    allowedChecks: allowed,
  };
}

/** The text reader's paragraphs at their own line numbers, for checks that count lines. */
function byLine(blocks: ModelParagraph[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) lines[block.at.line - 1] = block.text;
  return Array.from(lines, (line) => line ?? '');
}

function cellPlace(row: Row, cell: ModelCell, field: string, table: string): CellPlace {
  // `at` rides along into the findings so Word and spreadsheet cells are named by their address.
  const place: CellPlace & { at?: SourcePosition } = { line: cell.at.line, row: row.number, field, table };
  const at = gridOnly(cell.at);
  if (at) place.at = at;
  return place;
}

function leadersOf(row: Row, cell: ModelCell, header: string, table: string, registry: UnitRegistry | undefined, findings: Findings): string[] {
  const names = readLeaderCell(cellLines(cell));
  if (registry) checkLeaderNames(names, cellPlace(row, cell, header, table), registry, findings);
  return names;
}

/** Checks every cell of a row for what its column holds; text cells are checked once the document's leaders are known. */
function checkRowCells(
  row: Row,
  fields: readonly string[],
  headerOf: (field: string) => string,
  table: string,
  pendingTexts: { text: string; place: CellPlace }[],
  leaderNames: Set<string>,
  findings: Findings,
): void {
  for (const field of fields) {
    const cell = row.cells[field as keyof Row['cells']];
    if (!cell) continue;
    const place = cellPlace(row, cell, headerOf(field), table);
    checkLostTabs(cellLines(cell), cell.at.line, place, findings);
    if (field === 'leaders') for (const name of readLeaderCell(cellLines(cell))) leaderNames.add(name);
    if (field === 'content' || field === 'category' || field === 'title' || field === 'progress') {
      const text = modelCellText(cell);
      if (text) pendingTexts.push({ text, place });
    }
  }
}

function warning(at: SourcePosition, message: string): ImportWarning {
  const grid = gridOnly(at);
  return grid ? { line: at.line, message, at: grid } : { line: at.line, message };
}

function cellAt(cell: ModelCell | undefined): SourcePosition | undefined {
  return cell && gridOnly(cell.at);
}

/** A horizontally merged header covers several grid columns: one header word, its span. */
function headerCells(cells: ModelCell[]): { text: string; span: number }[] {
  const headers: { text: string; span: number }[] = [];
  for (const cell of cells) {
    if (cell.spanned === 'left' && headers.length) headers[headers.length - 1].span++;
    else headers.push({ text: modelCellText(cell).replace(/\s+/g, ' '), span: 1 });
  }
  return headers;
}

/**
 * The task tables: tables whose first row opens with a 序号 header. The
 * title is the last paragraph before the table (not an 附件N mark); the
 * preamble starts at the 附件N mark above the title, when there is one.
 */
function findTaskTables(model: DocumentModel): TaskTable[] {
  const found: TaskTable[] = [];
  let previousEnd = 0;
  model.blocks.forEach((block, index) => {
    if (block.kind !== 'table') return;
    const first = block.rows[0];
    if (!first || modelCellText(first.cells[0]).replace(/\s+/g, '') !== '序号') {
      previousEnd = index + 1;
      return;
    }
    const before = model.blocks.slice(previousEnd, index).map((b, k) => ({ b, k: previousEnd + k }));
    const paragraphs = before.filter((x): x is { b: ModelParagraph; k: number } => x.b.kind === 'paragraph' && x.b.text.trim() !== '');
    const titleBlock = [...paragraphs].reverse().find((x) => !ATTACHMENT_MARK.test(x.b.text));
    // The nearest 附件N above the title: cells of a table that lost its header row may stand between an earlier mark and this one.
    const mark = [...paragraphs].reverse().find((x) => ATTACHMENT_MARK.test(x.b.text) && (!titleBlock || x.k < titleBlock.k));
    const title = titleBlock ? titleBlock.b.text.trim() : '';
    const count = title.match(/(\d+)项/);
    found.push({
      table: block,
      title,
      titleAt: titleBlock?.b.at ?? block.at,
      preambleStart: mark?.k ?? titleBlock?.k ?? index,
      statedCount: count ? Number(count[1]) : null,
    });
    previousEnd = index + 1;
  });
  return found;
}

function noTableMessage(model: DocumentModel): string {
  const tables = model.blocks.filter((b) => b.kind === 'table').length;
  const what = { text: 'a table with a 序号 header row (a line “\\t序号”)', prose: 'numbered task paragraphs', docx: 'a table whose first row starts with 序号', doc: 'a table whose first row starts with 序号', html: 'a <table> whose first row starts with 序号', xlsx: 'a sheet whose header row starts with 序号' }[model.format];
  return `unknown layout: no task table: expected ${what}${tables ? ` (found ${tables} other table${tables > 1 ? 's' : ''})` : ''}`;
}

/** How many of the document's unit names a registry knows, out of how many it reads there. */
function recognised(cells: readonly ModelCell[], registry: UnitRegistry): { known: number; total: number } {
  let known = 0;
  let total = 0;
  for (const cell of cells) {
    for (const unit of readUnitCell(cellLines(cell), registry).units) {
      total += 1;
      if (unit.known) known += 1;
    }
  }
  return { known, total };
}

function readUnits(
  row: Row,
  field: 'leadUnits' | 'coUnits',
  registry: UnitRegistry,
  warnings: ImportWarning[],
  header: string,
): UnitMention[] {
  const cell = row.cells[field];
  if (!cell) return [];
  const { units, notes } = readUnitCell(cellLines(cell), registry);
  notes.forEach((note) => warnings.push(warning(cell.at, `row ${row.number}, ${header}: ${note}`)));
  units
    .filter((u) => !u.known)
    .forEach((u) =>
      warnings.push(warning(cell.at, `row ${row.number}, ${header}: unit “${u.name}” is not in the registry; imported as written and flagged for review${u.inferredBy ? ` (kind ${u.kind}: ${u.inferredBy})` : ''}`)),
    );
  return units;
}
