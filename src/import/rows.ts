import { type Cell, cellText } from './cells';
import { readRowNumber } from './validate/row-number';
import type { ImportProblem } from './import-error';
import type { Field, TableLayout } from './table-layout';

/** A table row with its cells keyed by field. */
export interface Row {
  /** 序号: as written, or inferred as previous + 1 when the row lost its number cell. */
  number: number;
  numberInferred: boolean;
  line: number;
  cells: Partial<Record<Field, Cell>>;
}

/**
 * Groups cells into rows. A row starts at a 序号 cell (a bare integer after a
 * blank line) or at an orphan row start (" \t"). A complete row has one cell
 * per column; an orphan row lacks the 序号 cell, and may lack the 工作任务
 * category cell too (its category continues the one above). Any other count
 * is an error naming the row and what was expected.
 */
export function readRows(
  cells: Cell[],
  layout: TableLayout,
  file: string,
): { rows: Row[]; problems: ImportProblem[]; numbered: { number: number; line: number }[] } {
  const rows: Row[] = [];
  /** Every row with a readable 序号, refused ones included, in document order: what numbering is checked on. */
  const numbered: { number: number; line: number }[] = [];
  const problems: ImportProblem[] = [];
  const fields = layout.columns.map((c) => c.field);
  const expected = `${fields.length} (${layout.columns.map((c) => c.header).join(', ')})`;
  const groups = groupCells(cells);
  let previous = 0;

  for (const group of groups) {
    const first = group[0];
    const orphan = first.orphanRowStart;
    let rowFields: Field[];
    if (!orphan) rowFields = fields;
    else if (group.length === fields.length - 1) rowFields = fields.slice(1);
    else if (group.length === fields.length - 2 && fields.includes('category')) {
      rowFields = fields.filter((f) => f !== 'number' && f !== 'category');
    } else rowFields = [];

    const number = orphan ? previous + 1 : Number(cellText(first));
    const place = { file, line: first.line, row: Number.isFinite(number) ? number : undefined };
    if (orphan ? rowFields.length === 0 : group.length !== fields.length) {
      problems.push({
        ...place,
        message: `the row has ${group.length} cells, expected ${expected}${orphan ? ' (or one or two fewer for a row that lost its 序号/工作任务 cells)' : ''}`,
      });
      previous = Number.isFinite(number) ? number : previous + 1;
      if (Number.isFinite(number)) numbered.push({ number, line: first.line });
      continue;
    }
    const written = orphan ? undefined : readRowNumber(cellText(first));
    if (written && 'error' in written) {
      problems.push({ ...place, row: undefined, field: '序号', message: written.error });
      continue;
    }
    const row: Row = { number, numberInferred: orphan, line: first.line, cells: {} };
    rowFields.forEach((field, k) => (row.cells[field] = group[k]));
    rows.push(row);
    numbered.push(row);
    previous = number;
  }
  return { rows, problems, numbered };
}

function groupCells(cells: Cell[]): Cell[][] {
  const groups: Cell[][] = [];
  for (const cell of cells) {
    const startsRow =
      groups.length === 0 || cell.orphanRowStart || (cell.afterBlankLine && /^\d+$/.test(cellText(cell)));
    if (startsRow) groups.push([cell]);
    else groups[groups.length - 1].push(cell);
  }
  return groups;
}
