import { describePosition, type SourcePosition } from './document-model';

/** Where in a source document something is wrong: enough to open the file at the right line. */
export interface SourcePlace {
  file: string;
  line?: number;
  /** Row of the table, as its 序号 (or the position it would have). */
  row?: number;
  /** Column as the document names it (牵头单位, 序号 …). */
  field?: string;
  /** The place in a Word table or a spreadsheet, said the way that format says it. */
  at?: SourcePosition;
}

export interface ImportProblem extends SourcePlace {
  message: string;
}

export function formatPlace(place: SourcePlace): string {
  const grid = describePosition(place.field && place.at ? { ...place.at, column: undefined } : place.at);
  if (grid) {
    const parts = [grid, place.row !== undefined ? `序号 ${place.row}` : '', place.field ? `column ${place.field}` : ''];
    return `${place.file} (${parts.filter(Boolean).join(', ')})`;
  }
  let text = place.file;
  if (place.line !== undefined) text += `:${place.line}`;
  const where = [place.row !== undefined ? `row ${place.row}` : '', place.field ? `column ${place.field}` : '']
    .filter(Boolean)
    .join(', ');
  return where ? `${text} (${where})` : text;
}

export function formatProblem(problem: ImportProblem): string {
  return `${formatPlace(problem)}: ${problem.message}`;
}

/**
 * A document that cannot be imported. Carries every problem found, not just
 * the first, so one run tells the user everything to fix.
 */
export class DocumentImportError extends Error {
  readonly problems: ImportProblem[];

  constructor(problems: ImportProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DocumentImportError';
    this.problems = problems;
  }
}
