import { type Sql, and, enumFilterSql, sql } from '../sql/sql';
import type { TaskWhere } from '../task/task.inputs';
import type { TaskAliases } from '../task/task-where.sql';
import { BadUserInputError } from '../graphql/errors';
import { checkIsoDate } from './iso-date';
import { dueSourceSql, dueSql, riskLevelSql } from './risk.sql';

const rp = sql.identifier('sv_rp');

/**
 * Status of the newest update in the order of Task.progress (period, then id),
 * null without updates: Task.latestProgress.status, stored at import (supervision-facts.ts).
 */
export const latestStatusSql = ({ task }: TaskAliases): Sql => sql`${task}.latest_status`;

/** Percent stated by that update. */
const latestPercentSql = ({ task }: TaskAliases): Sql => sql`${task}.latest_percent`;

/** The year of a reporting period written as Task.reported takes it (2024-Q1); anything else is the client's mistake. */
function periodYear(period: string): number {
  const m = /^(\d{4})-Q[1-4]$/.exec(period);
  if (!m) throw new BadUserInputError(`where.reported.period must be a reporting period written YYYY-Qn (e.g. 2024-Q2 for 上半年), got “${period}”`, 'where.reported.period');
  return Number(m[1]);
}

/**
 * The supervision conditions of TaskWhere (issue #10). Every condition is
 * TRUE or FALSE, never NULL, so NOT stays exact.
 */
export function supervisionWhereSql(w: TaskWhere, aliases: TaskAliases): Sql[] {
  const parts: Sql[] = [];
  if (w.risk) {
    const level = riskLevelSql(aliases, checkIsoDate(w.risk.asOf, 'where.risk.asOf'));
    parts.push(enumFilterSql(level, { eq: w.risk.level, in: w.risk.in }, 'text'));
  }
  if (w.due) {
    const due = dueSql(aliases);
    const date = (v: string, name: string) => sql.value(checkIsoDate(v, `where.due.${name}`), 'date');
    const conds: Sql[] = [];
    if (w.due.eq != null) conds.push(sql`${due} = ${date(w.due.eq, 'eq')}`);
    if (w.due.lt != null) conds.push(sql`${due} < ${date(w.due.lt, 'lt')}`);
    if (w.due.lte != null) conds.push(sql`${due} <= ${date(w.due.lte, 'lte')}`);
    if (w.due.gt != null) conds.push(sql`${due} > ${date(w.due.gt, 'gt')}`);
    if (w.due.gte != null) conds.push(sql`${due} >= ${date(w.due.gte, 'gte')}`);
    if (w.due.source != null) conds.push(sql`${dueSourceSql(aliases)} = ${sql.value(w.due.source, 'due_source')}`);
    parts.push(and(conds));
  }
  if (w.latestStatus) {
    // A task without updates has no status: FALSE, not NULL, so NOT stays exact.
    const status = latestStatusSql(aliases);
    parts.push(sql`(${status} IS NOT NULL AND ${enumFilterSql(status, w.latestStatus, 'progress_status')})`);
  }
  if (w.percent) {
    const p = w.percent;
    const percent = latestPercentSql(aliases);
    const num = (v: number) => sql.value(v, 'float8');
    const conds: Sql[] = [sql`${percent} IS NOT NULL`];
    if (p.eq != null) conds.push(sql`${percent} = ${num(p.eq)}`);
    if (p.gt != null) conds.push(sql`${percent} > ${num(p.gt)}`);
    if (p.gte != null) conds.push(sql`${percent} >= ${num(p.gte)}`);
    if (p.lt != null) conds.push(sql`${percent} < ${num(p.lt)}`);
    if (p.lte != null) conds.push(sql`${percent} <= ${num(p.lte)}`);
    parts.push(sql`(${and(conds)})`);
  }
  if (w.reported) {
    // A period's report can only cover tasks of its own year's plan: tasks of other years match neither is: true nor is: false.
    const year = periodYear(w.reported.period);
    const exists = sql`EXISTS (SELECT 1 FROM progress_update ${rp} WHERE ${rp}.task_id = ${aliases.task}.id AND ${rp}.period = ${sql.value(w.reported.period, 'text')})`;
    parts.push(sql`(${aliases.plan}.year = ${sql.value(year, 'int')} AND ${w.reported.is ? exists : sql`NOT ${exists}`})`);
  }
  return parts;
}
