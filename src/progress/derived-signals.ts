import type { EntityManager } from 'typeorm';
import { deriveDue } from '../task/due-rules';
import { derivePercent } from './percent-rules';

/**
 * Stores what can be read off the texts once, at import, so filters and
 * statistics stay plain SQL: each task's deadline (from its own text) and each
 * progress update's stated percent. Runs inside the import transaction after
 * the document's rows are written; also used by the migration that added the
 * columns, to fill rows imported before it.
 */
export async function storeDerivedSignals(em: Pick<EntityManager, 'query'>, where: { planId?: number; documentId?: number } = {}): Promise<void> {
  const tasks: { id: number; year: number; title: string | null; content: string }[] = await em.query(
    `SELECT t.id, p.year, t.title, t.content FROM task t JOIN plan p ON p.id = t.plan_id WHERE $1::int IS NULL OR t.plan_id = $1`,
    [where.planId ?? null],
  );
  if (tasks.length) {
    const due = tasks.map((t) => deriveDue(`${t.title ?? ''}\n${t.content}`, t.year));
    await em.query(
      `UPDATE task t SET due_on = d.due_on, due_source = d.source::due_source, due_words = d.words::text[]
       FROM unnest($1::int[], $2::date[], $3::text[], $4::text[]) AS d(id, due_on, source, words)
       WHERE t.id = d.id`,
      [tasks.map((t) => t.id), due.map((d) => d.date), due.map((d) => d.source), due.map((d) => toPgArray(d.words))],
    );
  }
  const updates: { id: number; text: string }[] = await em.query(
    `SELECT id, text FROM progress_update WHERE $1::int IS NULL OR document_id = $1`,
    [where.documentId ?? null],
  );
  if (updates.length) {
    const percents = updates.map((u) => derivePercent(u.text));
    await em.query(
      `UPDATE progress_update pu SET percent = d.percent, percent_reason = d.reason
       FROM unnest($1::int[], $2::float8[], $3::text[]) AS d(id, percent, reason)
       WHERE pu.id = d.id`,
      [updates.map((u) => u.id), percents.map((p) => p?.percent ?? null), percents.map((p) => p?.reason ?? null)],
    );
  }
}

/** A text[] literal: unnest cannot take a 2-D array of ragged rows, so each row's words travel as one literal. */
function toPgArray(words: string[]): string {
  return `{${words.map((w) => `"${w.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
