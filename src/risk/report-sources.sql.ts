import { type Sql, sql } from '../sql/sql';
import { reportDateSql } from './risk.sql';

const d = sql.identifier('rs_d');
const r = sql.identifier('rs_r');
const u = sql.identifier('rs_u');
const pr = sql.identifier('rs_pr');

/**
 * The progress reports of a plan as the lights count them: every imported
 * progress report (its key is the document id, its date the 落款日期), and
 * every reporting round of a period no imported report covers once one of its
 * reports was accepted into the progress (key: minus the round id, date: the
 * round's due date). A period is one report either way, as one progress row
 * per task and period is the progress (src/round/accepted-progress.ts).
 * Rows `(key, date)`; aliases start with `rs_` so they never shadow a caller's.
 */
export function planReportsSql(planId: Sql): Sql {
  return sql`(SELECT ${d}.id AS key, ${reportDateSql(d)} AS date FROM document ${d} WHERE ${d}.plan_id = ${planId} AND ${d}.kind = 'PROGRESS_REPORT'
    UNION ALL
    SELECT -${r}.id, ${r}.due_on FROM reporting_round ${r} WHERE ${r}.plan_id = ${planId}
      AND NOT EXISTS (SELECT 1 FROM document ${d} WHERE ${d}.plan_id = ${planId} AND ${d}.kind = 'PROGRESS_REPORT' AND ${d}.period = ${r}.period)
      AND EXISTS (SELECT 1 FROM progress_update ${u} JOIN progress_report ${pr} ON ${pr}.id = ${u}.report_id WHERE ${pr}.round_id = ${r}.id))`;
}

/**
 * The key of the report a progress row belongs to (see planReportsSql): its
 * document; else, for a row only a round's accepted report gave, the imported
 * report of its period if there is one, else that round.
 */
export function updateReportKeySql(update: Sql, planId: Sql): Sql {
  return sql`COALESCE(${update}.document_id,
    (SELECT min(${d}.id) FROM document ${d} WHERE ${d}.plan_id = ${planId} AND ${d}.kind = 'PROGRESS_REPORT' AND ${d}.period = ${update}.period),
    (SELECT -${r}.id FROM reporting_round ${r} WHERE ${r}.plan_id = ${planId} AND ${r}.period = ${update}.period))`;
}
