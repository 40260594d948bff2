import { type Sql, sql } from '../sql/sql';

const pr = sql.identifier('owed_pr');

/**
 * A task owes its round a report (未报送): nothing submitted or accepted in it — not reported, a draft not sent,
 * or returned (退回) and not resubmitted — and the task is not closed (办结). One definition for
 * Round.missingTasks and the reminders that chase the same tasks (报送提醒).
 */
export function owesReportSql(round: Sql, task: Sql): Sql {
  return sql`${task}.closed_on IS NULL
    AND NOT EXISTS (SELECT 1 FROM progress_report ${pr} WHERE ${pr}.round_id = ${round}.id AND ${pr}.task_id = ${task}.id AND ${pr}.state IN ('SUBMITTED', 'ACCEPTED'))`;
}
