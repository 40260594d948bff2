import { type Sql, sql } from '../sql/sql';
import { closedSql } from '../risk/risk.sql';
import type { TaskWhere } from '../task/task.inputs';
import type { TaskAliases } from '../task/task-where.sql';

const er = sql.identifier('wf_er');

/**
 * The conditions of TaskWhere on the office's decisions, so `tasks` and
 * `taskStats` filter, count and group closed, extended and waiting tasks with
 * the machinery they already have. Each is TRUE or FALSE, never NULL, so NOT
 * stays exact; closed and extended read the stored facts the lights read.
 */
export function workflowWhereSql(w: TaskWhere, aliases: TaskAliases): Sql[] {
  const parts: Sql[] = [];
  const is = (cond: Sql, wanted: boolean) => (wanted ? cond : sql`NOT ${cond}`);
  if (w.closed != null) parts.push(is(closedSql(aliases), w.closed));
  if (w.extended != null) parts.push(is(sql`(${aliases.task}.extended_due_on IS NOT NULL)`, w.extended));
  if (w.extensionPending != null) {
    parts.push(is(sql`EXISTS (SELECT 1 FROM extension_request ${er} WHERE ${er}.task_id = ${aliases.task}.id AND ${er}.state = 'PENDING')`, w.extensionPending));
  }
  return parts;
}
