import { parseDocument } from '../../src/import/parse-document';
import type { ParsedDocument, ParsedItem } from '../../src/import/model/parsed-document';
import type { CheckName } from '../../src/import/model/check-names';
import { PLAN_2024, registry, REPORT_2021, seedLines } from '../support/seeds';

/**
 * Real fragments of the seeds, framed by the document's own letterhead and
 * table header so that the whole parser runs over them.
 */
export function planFragment(from: number, to: number): string {
  return [seedLines(PLAN_2024, 1, 18), seedLines(PLAN_2024, 69, 78), seedLines(PLAN_2024, from, to)].join('\n');
}

export function reportFragment(from: number, to: number): string {
  return [seedLines(REPORT_2021, 1, 26), seedLines(REPORT_2021, 155, 162), seedLines(REPORT_2021, from, to)].join('\n');
}

/**
 * A fragment is by design a partial document: rows from the middle of a table
 * under a letterhead that announces more. The checks of what a whole document
 * promises are overridden, as a user would with --allow.
 */
export const FRAGMENT_ALLOW: CheckName[] = ['numbering', 'stated-count', 'missing-table'];

export function parse(text: string, file = 'fragment.txt', allow: CheckName[] = FRAGMENT_ALLOW): ParsedDocument {
  return parseDocument(Buffer.from(text, 'utf8'), file, registry, { allow });
}

export function item(doc: ParsedDocument, number: number, section = 'KEY_TASK'): ParsedItem {
  const found = doc.sections.find((s) => s.section === section)?.items.find((i) => i.number === number);
  if (!found) throw new Error(`no ${section} item ${number}`);
  return found;
}

export const names = (units: { name: string }[]) => units.map((u) => u.name);
