import type { ImportProblem } from '../model/import-error';
import type { ImportWarning } from '../model/parsed-document';
import type { CheckName } from '../model/check-names';


/** A plan the database (or an earlier document of the same import) already holds. */
export interface KnownPlan {
  jurisdiction: string;
  year: number;
}

/** What the caller of the parser may relax or state. */
export interface ParseOptions {
  /** Named checks whose findings become warnings for this import (--allow). */
  allow?: readonly CheckName[];
  /**
   * The jurisdiction, stated by whoever imports: --jurisdiction on the CLI, a
   * parameter of an upload route. Used when the document names none; a
   * document that names another one is refused.
   */
  jurisdiction?: string;
  /** Plans already known, so that a report naming no district can belong to the one plan of its year. */
  plans?: readonly KnownPlan[];
}

/** Most findings of one check that are spelled out per table; the rest are counted. */
const MAX_PER_CHECK = 20;

/**
 * Collects findings of the named checks: an error naming file, line, row and
 * column — or, when the user allowed that check, a warning saying so.
 */
export class Findings {
  private readonly allow: ReadonlySet<CheckName>;
  private readonly counts = new Map<string, number>();

  constructor(
    readonly file: string,
    allow: readonly CheckName[],
    private readonly problems: ImportProblem[],
    private readonly warnings: ImportWarning[],
  ) {
    this.allow = new Set(allow);
  }

  fail(check: CheckName, scope: string, problem: Omit<ImportProblem, 'file'>): void {
    const key = `${check}\u0000${scope}`;
    const seen = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, seen);
    if (this.allow.has(check)) {
      this.warnings.push({ line: problem.line ?? 1, message: `${where(problem)}${problem.message} (allowed by --allow ${check})` });
      return;
    }
    if (seen > MAX_PER_CHECK) return;
    this.problems.push({ file: this.file, ...problem, message: `${problem.message} [check ${check}; if the document really is so, import with --allow ${check}]` });
  }

  /** Adds "… and N more" lines for checks cut at MAX_PER_CHECK. */
  finish(): void {
    for (const [key, count] of this.counts) {
      const [check] = key.split('\u0000') as [CheckName];
      if (count > MAX_PER_CHECK && !this.allow.has(check)) {
        this.problems.push({ file: this.file, message: `… and ${count - MAX_PER_CHECK} more findings of check ${check} in ${key.split('\u0000')[1]}` });
      }
    }
  }
}

function where(p: Omit<ImportProblem, 'file'>): string {
  const parts = [p.row !== undefined ? `row ${p.row}` : '', p.field ? `column ${p.field}` : ''].filter(Boolean);
  return parts.length ? `${parts.join(', ')}: ` : '';
}
