import { idOf } from '../graphql/id-input';
import { type Sql, and, enumFilterSql, sql } from '../sql/sql';
import type { TaskAliases } from '../task/task-where.sql';
import type { RoundReportFilter } from './round-where.inputs';

const rr = sql.identifier('rd_rr');
const pr = sql.identifier('rd_pr');

/**
 * TaskWhere.roundReport: the task's state in a round as one EXISTS over the
 * round row, so taskStats can count and group it like any other condition
 * (who has not reported, by unit or leader). TRUE or FALSE, never NULL, so NOT
 * stays exact.
 */
export function roundReportWhereSql(filter: RoundReportFilter, { task }: TaskAliases): Sql {
  const roundId = idOf('Round', filter.round, 'where.roundReport.round');
  const state = sql`COALESCE((SELECT ${pr}.state::text FROM progress_report ${pr} WHERE ${pr}.round_id = ${rr}.id AND ${pr}.task_id = ${task}.id), 'NOT_REPORTED')`;
  const conds: Sql[] = [sql`${rr}.id = ${sql.value(roundId, 'int')}`, sql`${rr}.plan_id = ${task}.plan_id`];
  if (filter.state) conds.push(enumFilterSql(state, filter.state, 'text'));
  if (filter.overdue != null) {
    const overdue = sql`(duban_today() > ${rr}.due_on AND ${state} IN ('NOT_REPORTED', 'DRAFT', 'RETURNED'))`;
    conds.push(filter.overdue ? overdue : sql`NOT ${overdue}`);
  }
  return sql`EXISTS (SELECT 1 FROM reporting_round ${rr} WHERE ${and(conds)})`;
}
