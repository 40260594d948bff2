import type { EntityManager } from 'typeorm';
import { pgTextArray } from '../db/pg-text-array';
import { deriveDue } from '../task/due-rules';
import { derivePercent } from './percent-rules';

/**
 * Fills the deadline of each task and the stated percent of each progress
 * update from the stored texts, with the same rules the parse uses
 * (import/interpretation/item-signals.ts). Only the migration that added the
 * columns calls it, for rows imported before them; an import derives the
 * signals in its pure parse and writes them with the rows.
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
      [tasks.map((t) => t.id), due.map((d) => d.date), due.map((d) => d.source), due.map((d) => pgTextArray(d.words))],
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
