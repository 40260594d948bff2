import type { EntityManager } from 'typeorm';
import { splitProgressItems } from '../progress/progress-items';
import { storeSupervisionFacts } from '../risk/supervision-facts';
import type { ReportRow } from './report-row';

/**
 * An accepted report becomes the task's progress for the round's period,
 * as an imported report's row does, in the accepting transaction.
 *
 * The no-double-count rule: there is one progress row per task and period
 * (a unique index), whatever its source, and the later of an import and an
 * acceptance holds its text. A supervision office reads the newest word it
 * has put on record for a period: accepting a unit's corrected report after
 * the quarterly bulletin was imported replaces that task's bulletin text
 * (the row keeps the document, which still covers the task, and names the
 * report); importing a bulletin after acceptances replaces theirs
 * (importer.ts). Either way the replaced text stays in the audit trail.
 *
 * The stored supervision facts (taskStats, history, the lights) are worked
 * out again for the plan in the same transaction, as after an import.
 */
export async function recordAcceptedProgress(tx: EntityManager, report: ReportRow, period: string, planId: number): Promise<{ before: unknown; after: unknown }> {
  // Imports hold this lock (importer.ts) from before they lock their plan row until they commit. Without it an
  // acceptance holding a progress row and waiting for the plan row (storeSupervisionFacts), and an import of the
  // same period holding the plan row and waiting for that progress row, would deadlock.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('duban-import'))`);
  const [before] = await tx.query(`SELECT id, document_id, report_id, text, status, percent FROM progress_update WHERE task_id = $1 AND period = $2`, [report.task_id, period]);
  const [after] = await tx.query(
    `INSERT INTO progress_update (task_id, document_id, report_id, period, text, items, status, status_reason, percent, percent_reason)
     VALUES ($1, NULL, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)
     ON CONFLICT (task_id, period) DO UPDATE SET report_id = EXCLUDED.report_id, text = EXCLUDED.text, items = EXCLUDED.items,
       status = EXCLUDED.status, status_reason = EXCLUDED.status_reason, percent = EXCLUDED.percent, percent_reason = EXCLUDED.percent_reason
     RETURNING id, document_id, report_id, text, status, percent`,
    [report.task_id, report.id, period, report.text, JSON.stringify(splitProgressItems(report.text)), report.status, report.status_reason, report.percent, report.percent_reason],
  );
  await storeSupervisionFacts(tx, planId);
  return { before: before ?? null, after };
}
