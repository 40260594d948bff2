import type { EntityManager } from 'typeorm';
import { type Sql, compile, sql } from '../sql/sql';
import { planReportsSql, updateReportKeySql } from './report-sources.sql';
import { storedFactsRiskSql } from './risk.sql';

const p = sql.identifier('p');
const t = sql.identifier('t');
const d = sql.identifier('d');
const u = sql.identifier('u');
const r = sql.identifier('r');
const x = sql.identifier('x');
const l = sql.identifier('l');
const n = sql.identifier('n');
const f = sql.identifier('f');

/**
 * Stores what the supervision lights read at a plan's default date (its
 * newest report), so that taskStats, Unit/Leader.history and the risk filter
 * read columns of `plan` and `task` instead of finding every task's newest
 * update and its plan's reports again on every call:
 *  - plan: how many progress reports it has and its default asOf;
 *  - task: status and percent of its newest update in period order
 *    (Task.latestProgress), of its update in the newest report that covers it
 *    (what risk-rules.ts calls `latest`), whether the plan's newest and
 *    previous reports cover it, and the light those facts give at the plan's
 *    default date (risk_level), so that a grouping by RISK or a red-light
 *    filter over every task reads a column.
 * Every value is a function of the plan's documents, its rounds' accepted
 * reports and the tasks' updates (the light also of task.extended_due_on and
 * task.closed_on, which storeWorkflowFacts stores and refreshes the light
 * after), so the importer calls this after writing a document, in its
 * transaction, for that document's plan (a plan's correction included), and
 * so does an accepted report (round/accepted-progress.ts); anything else that
 * changes progress rows or report dates or deadlines (a migration re-judging
 * statuses, a change to the rules of risk.sql.ts: the stored light follows
 * them only when this runs again) must call it too. Null `planId`: every
 * plan. `riskLevel: false` leaves the light out, for the migrations that run
 * before its column and the columns it reads exist (ReportingRounds;
 * TaskRiskLevel1796501000000, the last, stores it).
 * test/risk/risk-sql-agrees.test.ts compares the lights built on these
 * columns with risk-rules.ts fed from the raw rows;
 * test/risk/stored-light.test.ts the stored light with the worked-out one
 * after each writer.
 */
export async function storeSupervisionFacts(em: Pick<EntityManager, 'query'>, planId: number | null = null, { riskLevel = true } = {}): Promise<void> {
  const which = (alias: typeof p) => sql`(${sql.value(planId, 'int')} IS NULL OR ${alias} = ${sql.value(planId, 'int')})`;
  const plans = compile(sql`
    UPDATE plan ${p} SET
      report_count = (SELECT count(*) FROM ${planReportsSql(sql`${p}.id`)} ${d}),
      default_as_of = COALESCE(
        (SELECT max(${d}.date) FROM ${planReportsSql(sql`${p}.id`)} ${d}),
        (SELECT min(${d}.issued_on) FROM document ${d} WHERE ${d}.plan_id = ${p}.id AND ${d}.kind = 'PLAN'),
        make_date(${p}.year, 1, 1))
    WHERE ${which(sql`${p}.id`)}`);
  await em.query(plans.text, plans.values);
  // Reports newest first, ties by key, as risk-rules.ts orders them; a round of a period no import covers is a report too (report-sources.sql.ts).
  const taskPlan = sql`${x}.plan_id`;
  const tasks = compile(sql`
    UPDATE task ${t} SET
      latest_status = ${f}.latest_status, latest_percent = ${f}.latest_percent,
      reported_status = ${f}.reported_status, reported_percent = ${f}.reported_percent,
      in_latest_report = ${f}.in_latest, in_previous_report = ${f}.in_previous
    FROM (
      SELECT ${x}.id, ${l}.status AS latest_status, ${l}.percent AS latest_percent, ${n}.status AS reported_status, ${n}.percent AS reported_percent,
        COALESCE(${n}.key = ${r}.ids[1], FALSE) AS in_latest,
        EXISTS (SELECT 1 FROM progress_update ${u} WHERE ${u}.task_id = ${x}.id AND ${updateReportKeySql(u, taskPlan)} = ${r}.ids[2]) AS in_previous
      FROM task ${x}
      CROSS JOIN LATERAL (SELECT array_agg(${d}.key ORDER BY ${d}.date DESC, ${d}.key DESC) AS ids FROM ${planReportsSql(taskPlan)} ${d}) ${r}
      LEFT JOIN LATERAL (SELECT ${u}.status, ${u}.percent FROM progress_update ${u} WHERE ${u}.task_id = ${x}.id
        ORDER BY ${u}.period DESC, ${u}.id DESC LIMIT 1) ${l} ON TRUE
      LEFT JOIN LATERAL (SELECT ${u}.status, ${u}.percent, ${d}.key FROM progress_update ${u} JOIN ${planReportsSql(taskPlan)} ${d} ON ${d}.key = ${updateReportKeySql(u, taskPlan)}
        WHERE ${u}.task_id = ${x}.id ORDER BY ${d}.date DESC, ${d}.key DESC LIMIT 1) ${n} ON TRUE
      WHERE ${which(sql`${x}.plan_id`)}) ${f}
    WHERE ${f}.id = ${t}.id`);
  await em.query(tasks.text, tasks.values);
  if (!riskLevel) return;
  // After the facts above: the light is judged from them (and from the deadlines and closing stored on the task).
  await storeRiskLevels(em, which(sql`${t}.plan_id`));
}

/**
 * Stores task.risk_level, the light at the plan's default date, for the tasks `where` (an expression
 * on task `t`) picks, from the facts already stored on the task and its plan (risk.sql.ts
 * storedFactsRiskSql, the same CASE as every other light). A separate statement from the one that
 * stores the facts, so it reads their new values. Every writer of what the light reads calls it in
 * its own transaction: storeSupervisionFacts (imports, plan corrections, accepted reports) and
 * storeWorkflowFacts (extensions, closing and reopening).
 */
async function storeRiskLevels(em: Pick<EntityManager, 'query'>, where: Sql): Promise<void> {
  const level = storedFactsRiskSql({ task: t, plan: p });
  const lights = compile(sql`
    UPDATE task ${t} SET risk_level = ${level}
    FROM plan ${p} WHERE ${p}.id = ${t}.plan_id AND ${where} AND ${t}.risk_level IS DISTINCT FROM ${level}`);
  await em.query(lights.text, lights.values);
}

/**
 * Stores what the lights read of the office's own decisions on one task, in
 * the deciding mutation's transaction: the deadline of its newest approved
 * extension (延期; each approval must move the date later, so the newest is
 * also the latest) and the day it was closed (办结, Beijing time), each null
 * when there is none, and then the task's stored light (risk_level), which reads them. The import never changes these rows, so only the
 * extension and closing mutations call this.
 */
export async function storeWorkflowFacts(em: Pick<EntityManager, 'query'>, taskId: number): Promise<void> {
  const er = sql.identifier('er');
  const c = sql.identifier('c');
  const facts = compile(sql`
    UPDATE task ${t} SET
      extended_due_on = (SELECT ${er}.approved_due FROM extension_request ${er}
        WHERE ${er}.task_id = ${t}.id AND ${er}.state = 'APPROVED' ORDER BY ${er}.decided_at DESC, ${er}.id DESC LIMIT 1),
      closed_on = (SELECT (${c}.closed_at AT TIME ZONE 'Asia/Shanghai')::date FROM task_closure ${c}
        WHERE ${c}.task_id = ${t}.id AND ${c}.state = 'CLOSED')
    WHERE ${t}.id = ${sql.value(taskId, 'int')}`);
  await em.query(facts.text, facts.values);
  // The light reads both dates (CLOSED first; the extended deadline): stored again, after them, in the same transaction.
  await storeRiskLevels(em, sql`${t}.id = ${sql.value(taskId, 'int')}`);
}
