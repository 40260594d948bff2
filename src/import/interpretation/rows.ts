import { type ModelCell, type ModelRow, modelCellText } from '../model/document-model';
import type { ImportProblem } from '../model/import-error';
import { readRowNumber } from '../validation/row-number';
import type { Field, TableLayout } from './table-layout';

/** A table row with its cells keyed by field. */
export interface Row {
  /** 序号: as written, or inferred as previous + 1 when the row lost its number cell. */
  number: number;
  numberInferred: boolean;
  line: number;
  at: ModelRow['at'];
  cells: Partial<Record<Field, ModelCell>>;
}

/**
 * Gives each body row's cells their fields. A complete row has one cell per
 * column; a row that lost its leading cells (the text export's “ \t” rows)
 * lacks the 序号 cell, and may lack the 工作任务 category cell too (its
 * category continues the one above). Any other count is an error naming the
 * row and what was expected. Rows whose cells are all empty (a spreadsheet's
 * blank lines, a Word table's spacer row) are skipped.
 */
export function readRows(
  bodyRows: ModelRow[],
  layout: TableLayout,
  file: string,
  /** Grids (Word, pages, sheets) pad rows with empty cells; in the text export an extra cell is a damaged row. */
  padded = false,
): { rows: Row[]; problems: ImportProblem[]; numbered: { number: number; line: number }[] } {
  const rows: Row[] = [];
  /** Every row with a readable 序号, refused ones included, in document order: what numbering is checked on. */
  const numbered: { number: number; line: number }[] = [];
  const problems: ImportProblem[] = [];
  const fields = layout.columns.map((c) => c.field);
  const expected = `${fields.length} (${layout.columns.map((c) => c.header).join(', ')})`;
  let previous = 0;

  for (const modelRow of bodyRows) {
    const group = padded ? trimEmptyTail(modelRow.cells, fields.length) : modelRow.cells;
    if (group.every((cell) => modelCellText(cell) === '')) continue;
    const first = group[0];
    const orphan = modelRow.lostLeadingCells === true;
    let rowFields: Field[];
    if (!orphan) rowFields = fields;
    else if (group.length === fields.length - 1) rowFields = fields.slice(1);
    else if (group.length === fields.length - 2 && fields.includes('category')) {
      rowFields = fields.filter((f) => f !== 'number' && f !== 'category');
    } else rowFields = [];

    const number = orphan ? previous + 1 : Number(modelCellText(first));
    const place = { file, line: modelRow.at.line, row: Number.isFinite(number) ? number : undefined, at: gridOnly(modelRow.at) };
    if (orphan ? rowFields.length === 0 : group.length !== fields.length) {
      problems.push({
        ...place,
        message: `the row has ${group.length} cells, expected ${expected}${orphan ? ' (or one or two fewer for a row that lost its 序号/工作任务 cells)' : ''}`,
      });
      previous = Number.isFinite(number) ? number : previous + 1;
      if (Number.isFinite(number)) numbered.push({ number, line: modelRow.at.line });
      continue;
    }
    const written = orphan ? undefined : readRowNumber(modelCellText(first));
    if (written && 'error' in written) {
      problems.push({ ...place, row: undefined, field: '序号', at: gridOnly(first.at), message: written.error });
      continue;
    }
    const row: Row = { number, numberInferred: orphan, line: modelRow.at.line, at: modelRow.at, cells: {} };
    rowFields.forEach((field, k) => (row.cells[field] = group[k]));
    rows.push(row);
    numbered.push(row);
    previous = number;
  }
  return { rows, problems, numbered };
}

/** Spreadsheets and pages pad rows with empty cells past the table's last column. */
function trimEmptyTail(cells: ModelCell[], width: number): ModelCell[] {
  let end = cells.length;
  while (end > width && modelCellText(cells[end - 1]) === '') end--;
  return cells.slice(0, end);
}

/** Positions that only carry a line are said as file:line already; keep grid addresses. */
export function gridOnly(at: ModelRow['at']): ModelRow['at'] | undefined {
  return at.table !== undefined || at.sheet !== undefined || at.paragraph !== undefined ? at : undefined;
}
