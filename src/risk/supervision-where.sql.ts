import { type SqlParams, and, enumFilterSql } from '../graphql/sql';
import type { TaskWhere } from '../task/task.inputs';
import { checkIsoDate } from './iso-date';
import { dueSql, riskLevelSql } from './risk.sql';

/** The newest update of task `t`, in the order of Task.progress (period, then id). */
const LATEST = `(SELECT lu.status, lu.percent FROM progress_update lu WHERE lu.task_id = t.id ORDER BY lu.period DESC, lu.id DESC LIMIT 1)`;

/**
 * The supervision conditions of TaskWhere (issue #10), on task `t` joined to
 * its plan `p`. Every condition is TRUE or FALSE, never NULL, so NOT stays exact.
 */
export function supervisionWhereSql(w: TaskWhere, params: SqlParams): string[] {
  const parts: string[] = [];
  if (w.risk) {
    const level = riskLevelSql(params.add(checkIsoDate(w.risk.asOf, 'where.risk.asOf'), 'date'));
    parts.push(enumFilterSql(level, w.risk.in ? { eq: w.risk.level, in: w.risk.in } : { eq: w.risk.level }, params, 'text'));
  }
  if (w.due) {
    const d = w.due;
    const date = (v: string, name: string) => params.add(checkIsoDate(v, `where.due.${name}`), 'date');
    const conds: string[] = [];
    if (d.eq != null) conds.push(`${dueSql} = ${date(d.eq, 'eq')}`);
    if (d.lt != null) conds.push(`${dueSql} < ${date(d.lt, 'lt')}`);
    if (d.lte != null) conds.push(`${dueSql} <= ${date(d.lte, 'lte')}`);
    if (d.gt != null) conds.push(`${dueSql} > ${date(d.gt, 'gt')}`);
    if (d.gte != null) conds.push(`${dueSql} >= ${date(d.gte, 'gte')}`);
    if (d.source != null) conds.push(`t.due_source = ${params.add(d.source, 'due_source')}`);
    parts.push(and(conds));
  }
  if (w.latestStatus) {
    parts.push(`EXISTS (SELECT 1 FROM ${LATEST} l WHERE ${enumFilterSql('l.status', w.latestStatus, params, 'progress_status')})`);
  }
  if (w.percent) {
    const f = w.percent;
    const conds = ['l.percent IS NOT NULL'];
    const num = (v: number) => params.add(v, 'float8');
    if (f.eq != null) conds.push(`l.percent = ${num(f.eq)}`);
    if (f.gt != null) conds.push(`l.percent > ${num(f.gt)}`);
    if (f.gte != null) conds.push(`l.percent >= ${num(f.gte)}`);
    if (f.lt != null) conds.push(`l.percent < ${num(f.lt)}`);
    if (f.lte != null) conds.push(`l.percent <= ${num(f.lte)}`);
    parts.push(`EXISTS (SELECT 1 FROM ${LATEST} l WHERE ${and(conds)})`);
  }
  if (w.reported) {
    const exists = `EXISTS (SELECT 1 FROM progress_update rp WHERE rp.task_id = t.id AND rp.period = ${params.add(w.reported.period, 'text')})`;
    parts.push(w.reported.is ? exists : `NOT ${exists}`);
  }
  return parts;
}
