import { derivePercent } from '../../progress/percent-rules';
import { splitProgressItems } from '../../progress/progress-items';
import { deriveRowStatus } from '../../progress/status-rules';
import { deriveDue } from '../../task/due-rules';
import type { ParsedItem, ParsedSection, ReadItem } from '../model/parsed-document';

/**
 * A section's rows with their stored signals derived: the deadline from the
 * task's own text (title and content) in the document's year, and the status,
 * percent and circled items of its progress text. Pure, so `--dry-run` shows
 * what the writer will store and the writer only writes it.
 */
export function withSignals(section: ParsedSection<ReadItem>, year: number): ParsedSection {
  return { ...section, items: section.items.map((item) => ({ ...item, signals: itemSignals(item, section, year) })) };
}

function itemSignals(item: ReadItem, section: ParsedSection<ReadItem>, year: number): ParsedItem['signals'] {
  const due = deriveDue(`${item.title ?? ''}\n${item.content}`, year);
  if (item.progress === null) return { due, progress: null };
  const verdict = deriveRowStatus({ ...item, progress: item.progress }, section.section);
  const percent = derivePercent(item.progress);
  return {
    due,
    progress: {
      status: verdict.status,
      statusReason: verdict.reason,
      percent: percent?.percent ?? null,
      percentReason: percent?.reason ?? null,
      items: splitProgressItems(item.progress),
    },
  };
}
