import { type Sql, sql } from '../sql/sql';
import type { TaskAliases } from '../task/task-where.sql';
import { BEHIND_POINTS, DUE_SOON_DAYS } from './risk-rules';
import { planReportsSql, updateReportKeySql } from './report-sources.sql';

/**
 * The SQL side of risk-rules.ts, as fragments on a task row joined to its
 * plan (`TaskAliases`). test/risk/risk-sql-agrees.test.ts runs both on every
 * task of the seeds and fixtures at several dates. Inner aliases start with
 * `rk_` so they never shadow a caller's.
 */

/** A report's date: its 落款日期, else 31 December of its year. Shared by the JS inputs and the SQL level. */
export const reportDateSql = (d: Sql): Sql => sql`COALESCE(${d}.issued_on, make_date(${d}.year, 12, 31))`;

/**
 * The task's deadline: an approved extension's (延期, stored by storeWorkflowFacts), else the one stored at
 * import; the plan year's end guards a row written before derivation.
 */
export const dueSql = (aliases: TaskAliases): Sql => sql`COALESCE(${aliases.task}.extended_due_on, ${textDueSql(aliases)})`;

/** The deadline before any extension (TaskDue.originalDate): stored at import, else the plan year's end. */
export const textDueSql = ({ task, plan }: TaskAliases): Sql => sql`COALESCE(${task}.due_on, make_date(${plan}.year, 12, 31))`;

/** Where dueSql's date comes from (TaskDue.source): EXTENSION when an approved extension set it. */
export const dueSourceSql = ({ task }: Pick<TaskAliases, 'task'>): Sql =>
  sql`(CASE WHEN ${task}.extended_due_on IS NOT NULL THEN 'EXTENSION'::due_source ELSE ${task}.due_source END)`;

/** The task was closed by the office (办结, storeWorkflowFacts): the CLOSED rule, which decides before every other. */
export const closedSql = ({ task }: Pick<TaskAliases, 'task'>): Sql => sql`(${task}.closed_on IS NOT NULL)`;

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
    (SELECT max(${rd}.date) FROM ${planReportsSql(sql`${task}.plan_id`)} ${rd}),
    (SELECT min(${pd}.issued_on) FROM document ${pd} WHERE ${pd}.plan_id = ${task}.plan_id AND ${pd}.kind = 'PLAN'),
    make_date(${plan}.year, 1, 1))`;
}

/**
 * The facts of risk-rules.ts for one task, as one row: as_of, due, start,
 * year, reports (count), in_last, in_prev, and status and percent of the latest update.
 */
function riskFactsSql(aliases: TaskAliases, asOf: string | null): Sql {
  const { task, plan } = aliases;
  const planId = sql`${task}.plan_id`;
  const key = updateReportKeySql(x, planId);
  return sql`SELECT ${a}.as_of, ${a}.due, ${a}.start, ${a}.year, ${r}.reports,
      EXISTS (SELECT 1 FROM progress_update ${x} WHERE ${x}.task_id = ${task}.id AND ${key} = ${r}.ids[1]) AS in_last,
      EXISTS (SELECT 1 FROM progress_update ${x} WHERE ${x}.task_id = ${task}.id AND ${key} = ${r}.ids[2]) AS in_prev,
      ${l}.status, ${l}.percent
    FROM (SELECT ${asOfSql(aliases, asOf)} AS as_of, ${dueSql(aliases)} AS due, make_date(${plan}.year, 1, 1) AS start, ${plan}.year) ${a}
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS reports, array_agg(${d}.key ORDER BY ${d}.date DESC, ${d}.key DESC) AS ids
      FROM ${planReportsSql(planId)} ${d} WHERE ${d}.date <= ${a}.as_of) ${r}
    LEFT JOIN LATERAL (
      SELECT ${x}.status, ${x}.percent FROM progress_update ${x} JOIN ${planReportsSql(planId)} ${d} ON ${d}.key = ${key}
      WHERE ${x}.task_id = ${task}.id AND ${d}.date <= ${a}.as_of
      ORDER BY ${d}.date DESC, ${d}.key DESC LIMIT 1) ${l} ON TRUE`;
}

/** The facts riskCaseSql judges, each an expression over the row it is evaluated on. */
interface RiskFacts {
  closed: Sql;
  asOf: Sql;
  due: Sql;
  start: Sql;
  year: Sql;
  /** Reports of the plan dated on or before asOf. */
  reports: Sql;
  inLast: Sql;
  inPrev: Sql;
  /** Status and percent of the task's newest update on or before asOf; null without one. */
  status: Sql;
  percent: Sql;
}

/**
 * The level as a CASE over the facts, yielding 'RED' | 'YELLOW' | 'GREEN' |
 * 'UNKNOWN'. It follows RULES in risk-rules.ts: CLOSED first, then OVERDUE_UNREPORTED before
 * NO_REPORT_YET (a deadline passed in silence needs no report to be judged),
 * then UNKNOWN and COMPLETED decide, then any RED rule, then any YELLOW rule;
 * the BEHIND_SCHEDULE comparison is the same float arithmetic as the JS one.
 */
function riskCaseSql(f: RiskFacts): Sql {
  return sql`CASE
      WHEN ${f.closed} THEN 'GREEN'
      WHEN ${f.status} IS NULL AND ${f.asOf} > ${f.due} THEN 'RED'
      WHEN ${f.reports} = 0 THEN 'UNKNOWN'
      WHEN ${f.status} = 'COMPLETED' THEN 'GREEN'
      WHEN ${f.status} = 'SUSPENDED'
        OR ${f.asOf} > ${f.due}
        OR (${f.reports} >= 2 AND NOT ${f.inLast} AND NOT ${f.inPrev}) THEN 'RED'
      WHEN (${f.percent} IS NOT NULL
            AND LEAST(GREATEST(${f.asOf} - ${f.start}, 0), ${f.due} - ${f.start})::float8 * 100 > (${f.percent} + ${sql.raw(String(BEHIND_POINTS))}) * (${f.due} - ${f.start})::float8)
        OR (${f.status} = 'NOT_STARTED' AND ${f.asOf} > make_date(${f.year}, 3, 31))
        OR NOT ${f.inLast}
        OR (${f.due} - ${f.asOf} BETWEEN 0 AND ${sql.raw(String(DUE_SOON_DAYS))}) THEN 'YELLOW'
      ELSE 'GREEN' END`;
}

/**
 * The facts at the plan's default date, read from the columns
 * storeSupervisionFacts keeps (supervision-facts.ts): no sub-query, so a
 * filter or a statistic over every task reads each task row once.
 */
function storedFacts({ task, plan }: TaskAliases): RiskFacts {
  return {
    closed: closedSql({ task }),
    asOf: sql`COALESCE(${plan}.default_as_of, make_date(${plan}.year, 1, 1))`,
    due: dueSql({ task, plan }),
    start: sql`make_date(${plan}.year, 1, 1)`,
    year: sql`${plan}.year`,
    reports: sql`${plan}.report_count`,
    inLast: sql`${task}.in_latest_report`,
    inPrev: sql`${task}.in_previous_report`,
    status: sql`${task}.reported_status`,
    percent: sql`${task}.reported_percent`,
  };
}

/**
 * The level at the plan's default date worked out from the stored facts: what
 * storeSupervisionFacts stores as task.risk_level.
 */
export const storedFactsRiskSql = (aliases: TaskAliases): Sql => sql`(${riskCaseSql(storedFacts(aliases))})`;

/**
 * The level of a task at `asOf` (null: the default date of its plan). At the
 * default date the level storeSupervisionFacts stored (task.risk_level: a
 * grouping or filter over every task reads one column of the task alone, so
 * the plan need not even be joined, and the planner has the column's
 * statistics); at another date a scalar sub-query working the facts out from
 * the plan's reports and the task's updates.
 */
export function riskLevelSql(aliases: TaskAliases, asOf: string | null): Sql {
  if (asOf == null) return sql`${aliases.task}.risk_level`;
  const col = (name: string) => sql`${f}.${sql.identifier(name)}`;
  const facts: RiskFacts = {
    closed: closedSql(aliases),
    asOf: col('as_of'),
    due: col('due'),
    start: col('start'),
    year: col('year'),
    reports: col('reports'),
    inLast: col('in_last'),
    inPrev: col('in_prev'),
    status: col('status'),
    percent: col('percent'),
  };
  return sql`(SELECT ${riskCaseSql(facts)} FROM (${riskFactsSql(aliases, asOf)}) ${f})`;
}
