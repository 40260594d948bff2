import { type Sql, and, enumFilterSql, sql } from '../graphql/sql';
import type { TaskWhere } from '../task/task.inputs';
import type { TaskAliases } from '../task/task-where.sql';
import { checkIsoDate } from './iso-date';
import { dueSql, riskLevelSql } from './risk.sql';

const lu = sql.identifier('sv_lu');
const l = sql.identifier('sv_l');
const rp = sql.identifier('sv_rp');

/** The newest update of the task, in the order of Task.progress (period, then id). */
const latestSql = ({ task }: TaskAliases) =>
  sql`(SELECT ${lu}.status, ${lu}.percent FROM progress_update ${lu} WHERE ${lu}.task_id = ${task}.id ORDER BY ${lu}.period DESC, ${lu}.id DESC LIMIT 1)`;

/** Status of the newest update (null without updates), as a scalar: Task.latestProgress.status. */
export const latestStatusSql = ({ task }: TaskAliases): Sql =>
  sql`(SELECT ${lu}.status FROM progress_update ${lu} WHERE ${lu}.task_id = ${task}.id ORDER BY ${lu}.period DESC, ${lu}.id DESC LIMIT 1)`;

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
    if (w.due.source != null) conds.push(sql`${aliases.task}.due_source = ${sql.value(w.due.source, 'due_source')}`);
    parts.push(and(conds));
  }
  if (w.latestStatus) {
    parts.push(sql`EXISTS (SELECT 1 FROM ${latestSql(aliases)} ${l} WHERE ${enumFilterSql(sql`${l}.status`, w.latestStatus, 'progress_status')})`);
  }
  if (w.percent) {
    const p = w.percent;
    const num = (v: number) => sql.value(v, 'float8');
    const conds: Sql[] = [sql`${l}.percent IS NOT NULL`];
    if (p.eq != null) conds.push(sql`${l}.percent = ${num(p.eq)}`);
    if (p.gt != null) conds.push(sql`${l}.percent > ${num(p.gt)}`);
    if (p.gte != null) conds.push(sql`${l}.percent >= ${num(p.gte)}`);
    if (p.lt != null) conds.push(sql`${l}.percent < ${num(p.lt)}`);
    if (p.lte != null) conds.push(sql`${l}.percent <= ${num(p.lte)}`);
    parts.push(sql`EXISTS (SELECT 1 FROM ${latestSql(aliases)} ${l} WHERE ${and(conds)})`);
  }
  if (w.reported) {
    const exists = sql`EXISTS (SELECT 1 FROM progress_update ${rp} WHERE ${rp}.task_id = ${aliases.task}.id AND ${rp}.period = ${sql.value(w.reported.period, 'text')})`;
    parts.push(w.reported.is ? exists : sql`NOT ${exists}`);
  }
  return parts;
}
