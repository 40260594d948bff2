import type { RequestContext } from '../graphql/context';
import { type Sql, sql } from '../sql/sql';
import { riskLevelSql } from '../risk/risk.sql';
import { latestStatusSql } from '../risk/supervision-where.sql';
import { YearRecordModel } from './year-record.type';

const t = sql.identifier('t');
const p = sql.identifier('p');
const k = sql.identifier('k');
const s = sql.identifier('s');

interface HistoryRow {
  owner: number;
  year: number;
  lead: number | null;
  co: number | null;
  total: number;
  completed: number;
  at_risk: number;
  completion_rate: number | null;
}

const toModel = (r: HistoryRow) =>
  Object.assign(new YearRecordModel(), {
    year: r.year,
    lead: r.lead,
    co: r.co,
    total: r.total,
    completed: r.completed,
    atRisk: r.at_risk,
    completionRate: r.completion_rate == null ? null : Math.round(r.completion_rate * 10000) / 10000,
  });

/**
 * `links` yields (owner, task_id, is_lead) rows for the batch; each task is
 * judged once (newest status, light at its plan's default date), then counted per owner and year.
 */
async function history(ctx: RequestContext, ids: readonly number[], links: Sql, forUnit: boolean): Promise<YearRecordModel[][]> {
  const aliases = { task: t, plan: p };
  const counted = forUnit ? sql`${k}.is_lead` : sql`TRUE`;
  const rows = await ctx.query<HistoryRow>(sql`
    WITH links AS MATERIALIZED (${links}),
    judged AS MATERIALIZED (
      SELECT ${t}.id, ${p}.year, ${latestStatusSql(aliases)} AS status, ${riskLevelSql(aliases, null)} AS risk
      FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id WHERE ${t}.id IN (SELECT task_id FROM links))
    SELECT ${k}.owner, ${s}.year,
      ${forUnit ? sql`(count(DISTINCT ${k}.task_id) FILTER (WHERE ${k}.is_lead))::int` : sql`NULL::int`} AS lead,
      ${forUnit ? sql`(count(DISTINCT ${k}.task_id) FILTER (WHERE NOT ${k}.is_lead))::int` : sql`NULL::int`} AS co,
      count(DISTINCT ${k}.task_id)::int AS total,
      (count(DISTINCT ${k}.task_id) FILTER (WHERE ${counted} AND ${s}.status = 'COMPLETED'))::int AS completed,
      (count(DISTINCT ${k}.task_id) FILTER (WHERE ${counted} AND ${s}.risk IN ('RED', 'YELLOW')))::int AS at_risk,
      (count(DISTINCT ${k}.task_id) FILTER (WHERE ${counted} AND ${s}.status = 'COMPLETED'))::float8
        / NULLIF(count(DISTINCT ${k}.task_id) FILTER (WHERE ${counted}), 0) AS completion_rate
    FROM links ${k} JOIN judged ${s} ON ${s}.id = ${k}.task_id
    GROUP BY ${k}.owner, ${s}.year
    ORDER BY ${k}.owner, ${s}.year`);
  return ids.map((id) => rows.filter((r) => r.owner === id).map(toModel));
}

/** Unit.history: one statement per batch of units. */
export function loadUnitHistory(ctx: RequestContext, unitId: number): Promise<YearRecordModel[]> {
  return ctx
    .loader<number, YearRecordModel[]>('stats.unitHistory', (ids) =>
      history(ctx, ids, sql`SELECT unit_id AS owner, task_id, role = 'LEAD' AS is_lead FROM assignment WHERE unit_id = ANY(${sql.value(ids, 'int[]')})`, true),
    )
    .load(unitId);
}

/** Leader.history: one statement per batch of leaders. */
export function loadLeaderHistory(ctx: RequestContext, leaderId: number): Promise<YearRecordModel[]> {
  return ctx
    .loader<number, YearRecordModel[]>('stats.leaderHistory', (ids) =>
      history(ctx, ids, sql`SELECT leader_id AS owner, task_id, TRUE AS is_lead FROM task_leader WHERE leader_id = ANY(${sql.value(ids, 'int[]')})`, false),
    )
    .load(leaderId);
}
