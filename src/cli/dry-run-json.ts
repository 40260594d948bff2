import type { ParsedDocument } from '../import/model/parsed-document';

/**
 * The documented `--dry-run --json` shape. Integrations rely on it: change it
 * only by adding fields.
 */
export function toDryRunJson(parsed: ParsedDocument) {
  const { title, number, issuer, date, kind, year, period, jurisdiction, jurisdictionRule, jurisdictionReason } = parsed.document;
  return {
    // format: what the bytes were read as (docx, html, xlsx, doc, text, prose) — chosen by content, not by name.
    // jurisdiction: named by the document (ISSUER, TITLE), stated (STATED: --jurisdiction) or inferred (UNITS, PLAN).
    document: { title, number, issuer, date, kind, year, period, format: parsed.format, jurisdiction, jurisdictionRule, jurisdictionReason },
    sections: parsed.sections.map((s) => ({
      section: s.section,
      items: s.items.map((i) => ({
        number: i.number,
        category: i.category,
        title: i.title,
        content: i.content,
        leaders: i.leaders,
        leadUnits: i.leadUnits.map((u) => u.name),
        coUnits: i.coUnits.map((u) => u.name),
        progress: i.progress,
        // What an import stores beside the texts (issue 21), as the API serves it: Task.due, and
        // ProgressUpdate.status/statusReason/percent/percentReason/items (null without a progress text).
        due: i.signals.due,
        progressSignals: i.signals.progress,
      })),
    })),
    warnings: parsed.warnings.map(({ line, message }) => ({ line, message })),
  };
}
