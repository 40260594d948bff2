/**
 * One table cell of the text export. Word writes each cell as a line starting
 * with a tab; the cell's further lines (wrapped units, ②③ items, blank lines
 * inside the cell) follow without a tab.
 */
export interface Cell {
  /** 1-based line of the tab that opens the cell. */
  line: number;
  /** The cell's lines with the opening tab removed, trailing blank lines dropped. */
  lines: string[];
  /**
   * The opening tab has a space before it (" \t"). In the 2021 report this is
   * how a row whose 序号 cell (and sometimes 工作任务 cell) was lost starts,
   * right after the previous row's last cell.
   */
  orphanRowStart: boolean;
  /** The line before the cell is empty: rows are separated by one. */
  afterBlankLine: boolean;
}

const CELL_START = /^( *)\t(.*)$/;

/** Word artefacts that leak into the export, e.g. "[bookmark: _GoBack]" where the cursor was. */
const WORD_ARTEFACT = /\[bookmark: [^\]]*\]/g;

export function cellText(cell: Cell): string {
  return cell.lines.join('\n').trim();
}

/**
 * Splits lines [from, to) into cells. Lines before the first tab are returned
 * as `stray` so the caller can report text outside the table.
 */
export function readCells(lines: string[], from: number, to: number): { cells: Cell[]; stray: number[] } {
  const cells: Cell[] = [];
  const stray: number[] = [];
  let current: Cell | undefined;
  for (let i = from; i < to; i++) {
    const m = lines[i].match(CELL_START);
    if (m) {
      current = {
        line: i + 1,
        lines: [clean(m[2])],
        orphanRowStart: m[1].length > 0,
        afterBlankLine: i > 0 && lines[i - 1] === '',
      };
      cells.push(current);
    } else if (current) current.lines.push(clean(lines[i]));
    else if (lines[i].trim()) stray.push(i + 1);
  }
  for (const cell of cells) {
    while (cell.lines.length > 1 && cell.lines[cell.lines.length - 1].trim() === '') cell.lines.pop();
  }
  return { cells, stray };
}

function clean(line: string): string {
  return line.replace(WORD_ARTEFACT, '');
}
