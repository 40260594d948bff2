import type { RequestContext } from '../graphql/context';
import { type ConnectionArgs, type Page, type SortKey, keysetSql, orderBySql, pageRequest, toPage } from '../graphql/pagination';
import { SqlParams, and } from '../graphql/sql';
import type { Section } from '../task/section';
import { UnitWorkloadModel } from './unit-graph.types';
import type { UnitWhere } from './unit.inputs';
import { UnitModel, type UnitRow } from './unit.type';
import { unitWhereSql } from './unit-where.sql';

const BY_NAME: SortKey[] = [
  { name: 'NAME', expr: 'u.name COLLATE "C"', desc: false, type: 'text' },
  { name: 'ID', expr: 'u.id', desc: false, type: 'int' },
];

/** Query.units: units by name (code-point order, the same on every server). */
export async function unitPage(ctx: RequestContext, args: ConnectionArgs & { where?: UnitWhere }): Promise<Page<UnitModel>> {
  const request = pageRequest(args, BY_NAME);
  const params = new SqlParams();
  const where = args.where ? unitWhereSql(args.where, params) : 'TRUE';
  const rows = await ctx.query<UnitRow>(
    `SELECT u.id, u.name, u.kind, u.needs_review FROM unit u WHERE ${and([where, keysetSql(BY_NAME, request, params)])}
     ORDER BY ${orderBySql(BY_NAME, request.backward)} LIMIT ${request.limit + 1}`,
    params.values,
  );
  return toPage(rows, request, (r) => [r.name, r.id], UnitModel.fromRow, async () => {
    const countParams = new SqlParams();
    const countWhere = args.where ? unitWhereSql(args.where, countParams) : 'TRUE';
    const [{ count }] = await ctx.query<{ count: number }>(`SELECT count(*)::int AS count FROM unit u WHERE ${countWhere}`, countParams.values);
    return count;
  });
}

const BY_LOAD: SortKey[] = [
  { name: 'TOTAL', expr: 'w.total', desc: true, type: 'int' },
  { name: 'NAME', expr: 'w.name COLLATE "C"', desc: false, type: 'text' },
  { name: 'ID', expr: 'w.id', desc: false, type: 'int' },
];

/**
 * Query.workloads: every unit of the jurisdictions that have a plan for the
 * year, with its task counts, most loaded first. Units without tasks that
 * year are listed with zeros, so a year-to-year comparison sees them.
 */
export async function workloadPage(ctx: RequestContext, args: ConnectionArgs & { year: number; section?: Section | null }): Promise<Page<UnitWorkloadModel>> {
  const request = pageRequest(args, BY_LOAD);
  const params = new SqlParams();
  const rows = await ctx.query<UnitRow & { lead: number; co: number; total: number }>(
    `${workloadsCte(args, params)} SELECT * FROM w WHERE ${keysetSql(BY_LOAD, request, params)}
     ORDER BY ${orderBySql(BY_LOAD, request.backward)} LIMIT ${request.limit + 1}`,
    params.values,
  );
  return toPage(
    rows,
    request,
    (r) => [r.total, r.name, r.id],
    (r) => Object.assign(new UnitWorkloadModel(), { unit: UnitModel.fromRow(r), lead: r.lead, co: r.co, total: r.total }),
    async () => {
      const countParams = new SqlParams();
      const [{ count }] = await ctx.query<{ count: number }>(`${workloadsCte(args, countParams)} SELECT count(*)::int AS count FROM w`, countParams.values);
      return count;
    },
  );
}

/** `WITH w AS (…)`: one row per unit with its lead / co / total counts for the year (and section). */
function workloadsCte(args: { year: number; section?: Section | null }, params: SqlParams): string {
  const year = params.add(args.year, 'int');
  const section = args.section ? ` AND t.section = ${params.add(args.section, 'section')}` : '';
  return `
    WITH w AS (
      SELECT u.id, u.name, u.kind, u.needs_review,
             count(a.id) FILTER (WHERE a.role = 'LEAD')::int AS lead,
             count(a.id) FILTER (WHERE a.role = 'CO')::int AS co,
             count(DISTINCT a.task_id)::int AS total
      FROM unit u
      LEFT JOIN (assignment a JOIN task t ON t.id = a.task_id${section} JOIN plan p ON p.id = t.plan_id AND p.year = ${year})
        ON a.unit_id = u.id
      WHERE u.jurisdiction_id IN (SELECT jurisdiction_id FROM plan WHERE year = ${year})
      GROUP BY u.id
    )`;
}
