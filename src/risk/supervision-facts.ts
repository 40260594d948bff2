import type { EntityManager } from 'typeorm';
import { compile, sql } from '../graphql/sql';
import { reportDateSql, storedFactsRiskSql } from './risk.sql';

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
 * Every value is a function of the plan's documents and the tasks' updates,
 * so the importer calls this after writing a document, in its transaction,
 * for that document's plan; anything else that changes progress rows or
 * report dates or deadlines (a migration re-judging statuses, a change to
 * the rules of risk.sql.ts: the stored light follows them only when this
 * runs again) must call it too. Null
 * `planId`: every plan. `riskLevel: false` leaves the light out, for the
 * migration that ran before its column existed. test/risk/risk-sql-agrees.test.ts compares the lights
 * built on these columns with risk-rules.ts fed from the raw rows.
 */
export async function storeSupervisionFacts(em: Pick<EntityManager, 'query'>, planId: number | null = null, { riskLevel = true } = {}): Promise<void> {
  const which = (alias: typeof p) => sql`(${sql.value(planId, 'int')} IS NULL OR ${alias} = ${sql.value(planId, 'int')})`;
  const plans = compile(sql`
    UPDATE plan ${p} SET
      report_count = (SELECT count(*) FROM document ${d} WHERE ${d}.plan_id = ${p}.id AND ${d}.kind = 'PROGRESS_REPORT'),
      default_as_of = COALESCE(
        (SELECT max(${reportDateSql(d)}) FROM document ${d} WHERE ${d}.plan_id = ${p}.id AND ${d}.kind = 'PROGRESS_REPORT'),
        (SELECT min(${d}.issued_on) FROM document ${d} WHERE ${d}.plan_id = ${p}.id AND ${d}.kind = 'PLAN'),
        make_date(${p}.year, 1, 1))
    WHERE ${which(sql`${p}.id`)}`);
  await em.query(plans.text, plans.values);
  // Reports newest first, ties by document id, as risk-rules.ts orders them.
  const tasks = compile(sql`
    UPDATE task ${t} SET
      latest_status = ${f}.latest_status, latest_percent = ${f}.latest_percent,
      reported_status = ${f}.reported_status, reported_percent = ${f}.reported_percent,
      in_latest_report = ${f}.in_latest, in_previous_report = ${f}.in_previous
    FROM (
      SELECT ${x}.id, ${l}.status AS latest_status, ${l}.percent AS latest_percent, ${n}.status AS reported_status, ${n}.percent AS reported_percent,
        COALESCE(${n}.document_id = ${r}.ids[1], FALSE) AS in_latest,
        EXISTS (SELECT 1 FROM progress_update ${u} WHERE ${u}.task_id = ${x}.id AND ${u}.document_id = ${r}.ids[2]) AS in_previous
      FROM task ${x}
      CROSS JOIN LATERAL (SELECT array_agg(${d}.id ORDER BY ${reportDateSql(d)} DESC, ${d}.id DESC) AS ids
        FROM document ${d} WHERE ${d}.plan_id = ${x}.plan_id AND ${d}.kind = 'PROGRESS_REPORT') ${r}
      LEFT JOIN LATERAL (SELECT ${u}.status, ${u}.percent FROM progress_update ${u} WHERE ${u}.task_id = ${x}.id
        ORDER BY ${u}.period DESC, ${u}.id DESC LIMIT 1) ${l} ON TRUE
      LEFT JOIN LATERAL (SELECT ${u}.status, ${u}.percent, ${u}.document_id FROM progress_update ${u} JOIN document ${d} ON ${d}.id = ${u}.document_id
        WHERE ${u}.task_id = ${x}.id ORDER BY ${reportDateSql(d)} DESC, ${d}.id DESC LIMIT 1) ${n} ON TRUE
      WHERE ${which(sql`${x}.plan_id`)}) ${f}
    WHERE ${f}.id = ${t}.id`);
  await em.query(tasks.text, tasks.values);
  if (!riskLevel) return;
  // After the facts above: the light is judged from them (and from the deadline storeDerivedSignals wrote).
  const lights = compile(sql`
    UPDATE task ${t} SET risk_level = ${storedFactsRiskSql({ task: t, plan: p })}
    FROM plan ${p} WHERE ${p}.id = ${t}.plan_id AND ${which(sql`${t}.plan_id`)}`);
  await em.query(lights.text, lights.values);
}
