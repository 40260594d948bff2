import type { RequestContext } from '../graphql/context';
import { type ConnectionArgs, type Page, type SortKey, keysetSql, limitSql, orderBySql, pageRequest, toPage } from '../graphql/pagination';
import { type Sql, TRUE, and, sql } from '../graphql/sql';
import { Role } from './role';
import type { Section } from '../task/section';
import { UnitWorkloadModel } from './unit-graph.types';
import type { UnitWhere } from './unit.inputs';
import { UnitModel, type UnitRow } from './unit.type';
import { unitWhereSql } from './unit-where.sql';

const u = sql.identifier('u');
const w = sql.identifier('w');
const a = sql.identifier('a');
const t = sql.identifier('t');
const p = sql.identifier('p');

const BY_NAME: SortKey[] = [
  { name: 'NAME', expr: sql`${u}.name COLLATE "C"`, desc: false, type: 'text' },
  { name: 'ID', expr: sql`${u}.id`, desc: false, type: 'int' },
];

/** Query.units: units by name (code-point order, the same on every server). */
export async function unitPage(ctx: RequestContext, args: ConnectionArgs & { where?: UnitWhere }): Promise<Page<UnitModel>> {
  const request = pageRequest(args, BY_NAME);
  const where = args.where ? unitWhereSql(args.where, u) : TRUE;
  const rows = await ctx.query<UnitRow>(
    sql`SELECT ${u}.id, ${u}.name, ${u}.kind, ${u}.needs_review FROM unit ${u} WHERE ${and([where, keysetSql(BY_NAME, request)])}
     ORDER BY ${orderBySql(BY_NAME, request.backward)} ${limitSql(request)}`,
  );
  return toPage(rows, request, (r) => [r.name, r.id], UnitModel.fromRow, async () => {
    const [{ count }] = await ctx.query<{ count: number }>(sql`SELECT count(*)::int AS count FROM unit ${u} WHERE ${where}`);
    return count;
  });
}

const BY_LOAD: SortKey[] = [
  { name: 'TOTAL', expr: sql`${w}.total`, desc: true, type: 'int' },
  { name: 'NAME', expr: sql`${w}.name COLLATE "C"`, desc: false, type: 'text' },
  { name: 'ID', expr: sql`${w}.id`, desc: false, type: 'int' },
];

/**
 * Query.workloads: every unit of the jurisdictions that have a plan for the
 * year, with its task counts, most loaded first. Units without tasks that
 * year are listed with zeros, so a year-to-year comparison sees them.
 */
export async function workloadPage(ctx: RequestContext, args: ConnectionArgs & { year: number; section?: Section | null }): Promise<Page<UnitWorkloadModel>> {
  const request = pageRequest(args, BY_LOAD);
  const cte = workloadsCte(args);
  const rows = await ctx.query<UnitRow & { lead: number; co: number; total: number }>(
    sql`${cte} SELECT * FROM ${w} WHERE ${keysetSql(BY_LOAD, request)}
     ORDER BY ${orderBySql(BY_LOAD, request.backward)} ${limitSql(request)}`,
  );
  return toPage(
    rows,
    request,
    (r) => [r.total, r.name, r.id],
    (r) => Object.assign(new UnitWorkloadModel(), { unit: UnitModel.fromRow(r), lead: r.lead, co: r.co, total: r.total }),
    async () => {
      const [{ count }] = await ctx.query<{ count: number }>(sql`${cte} SELECT count(*)::int AS count FROM ${w}`);
      return count;
    },
  );
}

/** `WITH w AS (…)`: one row per unit with its lead / co / total counts for the year (and section). */
function workloadsCte(args: { year: number; section?: Section | null }): Sql {
  const year = sql.value(args.year, 'int');
  const section = args.section ? sql` AND ${t}.section = ${sql.value(args.section, 'section')}` : sql.empty;
  return sql`
    WITH ${w} AS (
      SELECT ${u}.id, ${u}.name, ${u}.kind, ${u}.needs_review,
             count(${a}.id) FILTER (WHERE ${a}.role = ${sql.value(Role.LEAD, 'role')})::int AS lead,
             count(${a}.id) FILTER (WHERE ${a}.role = ${sql.value(Role.CO, 'role')})::int AS co,
             count(DISTINCT ${a}.task_id)::int AS total
      FROM unit ${u}
      LEFT JOIN (assignment ${a} JOIN task ${t} ON ${t}.id = ${a}.task_id${section} JOIN plan ${p} ON ${p}.id = ${t}.plan_id AND ${p}.year = ${year})
        ON ${a}.unit_id = ${u}.id
      WHERE ${u}.jurisdiction_id IN (SELECT jurisdiction_id FROM plan WHERE year = ${year})
      GROUP BY ${u}.id
    )`;
}
