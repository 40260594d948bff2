import type { RequestContext } from '../graphql/context';
import { byKey } from '../graphql/context';
import { sql } from '../sql/sql';
import type { ProgressStatus } from '../progress/progress-status';
import type { RiskInput } from './risk-rules';
import { asOfSql, dueSql } from './risk.sql';
import { planReportsSql, updateReportKeySql } from './report-sources.sql';

interface RiskInputRow {
  task_id: number;
  plan_year: number;
  due: string;
  closed_on: string | null;
  as_of: string;
  reports: { documentId: number; date: string }[];
  updates: { documentId: number; status: ProgressStatus; percent: number | null }[];
}

const t = sql.identifier('t');
const p = sql.identifier('p');
const a = sql.identifier('a');
const d = sql.identifier('d');
const x = sql.identifier('x');

/**
 * What risk-rules.ts needs to judge a task at `asOf` (null: the default date
 * of its plan). One statement per batch of tasks and date; the dates come from
 * the same SQL expressions the risk filter uses.
 */
export function loadRiskInput(ctx: RequestContext, taskId: number, asOf: string | null): Promise<RiskInput> {
  return ctx
    .loader<number, RiskInput>(`risk.input:${asOf ?? ''}`, async (taskIds) => {
      const aliases = { task: t, plan: p };
      const planId = sql`${t}.plan_id`;
      const rows = await ctx.query<RiskInputRow>(
        sql`SELECT ${t}.id AS task_id, ${p}.year AS plan_year, to_char(${dueSql(aliases)}, 'YYYY-MM-DD') AS due, to_char(${t}.closed_on, 'YYYY-MM-DD') AS closed_on, to_char(${a}.as_of, 'YYYY-MM-DD') AS as_of,
           (SELECT COALESCE(json_agg(json_build_object('documentId', ${d}.key, 'date', to_char(${d}.date, 'YYYY-MM-DD'))
                     ORDER BY ${d}.date, ${d}.key), '[]')
              FROM ${planReportsSql(planId)} ${d} WHERE ${d}.date <= ${a}.as_of) AS reports,
           (SELECT COALESCE(json_agg(json_build_object('documentId', ${d}.key, 'status', ${x}.status, 'percent', ${x}.percent)), '[]')
              FROM progress_update ${x} JOIN ${planReportsSql(planId)} ${d} ON ${d}.key = ${updateReportKeySql(x, planId)}
              WHERE ${x}.task_id = ${t}.id AND ${d}.date <= ${a}.as_of) AS updates
         FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id
         CROSS JOIN LATERAL (SELECT ${asOfSql(aliases, asOf)} AS as_of) ${a}
         WHERE ${t}.id = ANY(${sql.value(taskIds, 'int[]')})`,
      );
      return byKey(taskIds, rows, (r) => r.task_id, 'task', (r) => ({ asOf: r.as_of, planYear: r.plan_year, due: r.due, closedOn: r.closed_on, reports: r.reports, updates: r.updates }));
    })
    .load(taskId);
}
