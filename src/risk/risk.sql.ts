import { type Sql, sql } from '../graphql/sql';
import type { TaskAliases } from '../task/task-where.sql';
import { BEHIND_POINTS, DUE_SOON_DAYS } from './risk-rules';

/**
 * The SQL side of risk-rules.ts, as fragments on a task row joined to its
 * plan (`TaskAliases`). test/risk/risk-sql-agrees.test.ts runs both on every
 * task of the seeds and fixtures at several dates. Inner aliases start with
 * `rk_` so they never shadow a caller's.
 */

/** A report's date: its 落款日期, else 31 December of its year. Shared by the JS inputs and the SQL level. */
export const reportDateSql = (d: Sql): Sql => sql`COALESCE(${d}.issued_on, make_date(${d}.year, 12, 31))`;

/** The task's deadline: stored at import; the plan year's end guards a row written before derivation. */
export const dueSql = ({ task, plan }: TaskAliases): Sql => sql`COALESCE(${task}.due_on, make_date(${plan}.year, 12, 31))`;

const rd = sql.identifier('rk_rd');
const pd = sql.identifier('rk_pd');
const d = sql.identifier('rk_d');
const x = sql.identifier('rk_x');
const a = sql.identifier('rk_a');
const r = sql.identifier('rk_r');
const l = sql.identifier('rk_l');
const f = sql.identifier('rk_f');

/**
 * asOf of a task: the date asked for (null: none), else the newest progress
 * report of the task's plan, else the plan document's date, else 1 January of the plan year.
 */
export function asOfSql({ task, plan }: TaskAliases, asOf: string | null): Sql {
  return sql`COALESCE(${sql.value(asOf, 'date')},
    (SELECT max(${reportDateSql(rd)}) FROM document ${rd} WHERE ${rd}.plan_id = ${task}.plan_id AND ${rd}.kind = 'PROGRESS_REPORT'),
    (SELECT min(${pd}.issued_on) FROM document ${pd} WHERE ${pd}.plan_id = ${task}.plan_id AND ${pd}.kind = 'PLAN'),
    make_date(${plan}.year, 1, 1))`;
}

/**
 * The facts of risk-rules.ts for one task, as one row: as_of, due, start,
 * year, reports (count), in_last, in_prev, and status and percent of the latest update.
 */
function riskFactsSql(aliases: TaskAliases, asOf: string | null): Sql {
  const { task, plan } = aliases;
  return sql`SELECT ${a}.as_of, ${a}.due, ${a}.start, ${a}.year, ${r}.reports,
      EXISTS (SELECT 1 FROM progress_update ${x} WHERE ${x}.task_id = ${task}.id AND ${x}.document_id = ${r}.ids[1]) AS in_last,
      EXISTS (SELECT 1 FROM progress_update ${x} WHERE ${x}.task_id = ${task}.id AND ${x}.document_id = ${r}.ids[2]) AS in_prev,
      ${l}.status, ${l}.percent
    FROM (SELECT ${asOfSql(aliases, asOf)} AS as_of, ${dueSql(aliases)} AS due, make_date(${plan}.year, 1, 1) AS start, ${plan}.year) ${a}
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS reports, array_agg(${d}.id ORDER BY ${reportDateSql(d)} DESC, ${d}.id DESC) AS ids
      FROM document ${d} WHERE ${d}.plan_id = ${task}.plan_id AND ${d}.kind = 'PROGRESS_REPORT' AND ${reportDateSql(d)} <= ${a}.as_of) ${r}
    LEFT JOIN LATERAL (
      SELECT ${x}.status, ${x}.percent FROM progress_update ${x} JOIN document ${d} ON ${d}.id = ${x}.document_id
      WHERE ${x}.task_id = ${task}.id AND ${reportDateSql(d)} <= ${a}.as_of
      ORDER BY ${reportDateSql(d)} DESC, ${d}.id DESC LIMIT 1) ${l} ON TRUE`;
}

/**
 * The level of a task as a scalar sub-query yielding 'RED' | 'YELLOW' |
 * 'GREEN' | 'UNKNOWN'. The CASE follows RULES in risk-rules.ts: UNKNOWN and
 * COMPLETED decide first, then any RED rule, then any YELLOW rule; the
 * BEHIND_SCHEDULE comparison is the same float arithmetic as the JS one.
 */
export function riskLevelSql(aliases: TaskAliases, asOf: string | null): Sql {
  return sql`(SELECT CASE
      WHEN ${f}.reports = 0 THEN 'UNKNOWN'
      WHEN ${f}.status = 'COMPLETED' THEN 'GREEN'
      WHEN ${f}.status = 'SUSPENDED'
        OR ${f}.as_of > ${f}.due
        OR (${f}.reports >= 2 AND NOT ${f}.in_last AND NOT ${f}.in_prev) THEN 'RED'
      WHEN (${f}.percent IS NOT NULL
            AND LEAST(GREATEST(${f}.as_of - ${f}.start, 0), ${f}.due - ${f}.start)::float8 * 100 > (${f}.percent + ${sql.raw(String(BEHIND_POINTS))}) * (${f}.due - ${f}.start)::float8)
        OR (${f}.status = 'NOT_STARTED' AND ${f}.as_of > make_date(${f}.year, 3, 31))
        OR NOT ${f}.in_last
        OR (${f}.due - ${f}.as_of BETWEEN 0 AND ${sql.raw(String(DUE_SOON_DAYS))}) THEN 'YELLOW'
      ELSE 'GREEN' END
    FROM (${riskFactsSql(aliases, asOf)}) ${f})`;
}
