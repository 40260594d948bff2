import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../graphql/context';
import { connectionSelection } from '../graphql/selection';
import { type ConnectionArgs, type Page, type SortKey, pageRequest, pageRows, pageSql, toPage } from '../graphql/pagination';
import { memoForRootField } from '../graphql/operation-memo';
import { type Sql, TRUE, compile, sql } from '../sql/sql';
import { OrderDirection } from '../graphql/order';
import { Role } from './role';
import { type WorkloadOrder, WorkloadOrderField } from './workload-order.inputs';
import type { Section } from '../task/section';
import { UnitWorkloadModel } from './unit-graph.types';
import type { UnitWhere } from './unit.inputs';
import { unitColumns } from './unit-json.sql';
import { UnitModel, type UnitRow } from './unit.type';
import { unitWhereSql } from './unit-where.sql';

const u = sql.identifier('u');
const w = sql.identifier('w');
const a = sql.identifier('a');
const t = sql.identifier('t');
const p = sql.identifier('p');

const byName = (row: Sql = u): SortKey[] => [
  { name: 'NAME', expr: sql`${row}.name COLLATE "C"`, desc: false, type: 'text' },
  { name: 'ID', expr: sql`${row}.id`, desc: false, type: 'int' },
];
const BY_NAME = byName();

/** Query.units: units by name (code-point order, the same on every server). The statement is built once per operation (operation-memo.ts). */
export async function unitPage(ctx: RequestContext, args: ConnectionArgs & { where?: UnitWhere }, info?: GraphQLResolveInfo): Promise<Page<UnitModel>> {
  const plan = memoForRootField(info, ctx.principal.scope, () => {
    const request = pageRequest(args, BY_NAME);
    const where = args.where ? unitWhereSql(args.where, u) : TRUE;
    const count = info ? connectionSelection(info).totalCount : false;
    return { request, where, statement: compile(pageSql({ select: unitColumns(u), from: UNITS, where, keys: byName, request, count })) };
  });
  const { rows, total } = pageRows(await ctx.query<UnitRow>(plan.statement));
  return toPage(rows, plan.request, (r) => [r.name, r.id], UnitModel.fromRow, async () => {
    if (total !== undefined) return total;
    const [{ count: n }] = await ctx.query<{ count: number }>(sql`SELECT count(*)::int AS count ${UNITS} WHERE ${plan.where}`);
    return n;
  });
}

const UNITS = sql`FROM unit ${u}`;

type WorkloadRow = UnitRow & { lead: number; co: number; total: number };

const WORKLOAD_COLUMN: Record<WorkloadOrderField, { column: keyof WorkloadRow; type: string }> = {
  LEAD: { column: 'lead', type: 'int' },
  CO: { column: 'co', type: 'int' },
  TOTAL: { column: 'total', type: 'int' },
  NAME: { column: 'name', type: 'text' },
};

/** The sort keys of workloads: those asked for (default: total, most first), then name and id so pages stay stable. */
const workloadKeys = (orderBy: WorkloadOrder[] | undefined) => {
  const asked = orderBy?.length ? orderBy : [{ field: WorkloadOrderField.TOTAL, direction: OrderDirection.DESC }];
  const fields = [...asked.filter((o, i) => asked.findIndex((x) => x.field === o.field) === i)];
  if (!fields.some((o) => o.field === WorkloadOrderField.NAME)) fields.push({ field: WorkloadOrderField.NAME, direction: OrderDirection.ASC });
  return {
    keys: (row: Sql = w): SortKey[] => [
      ...fields.map((o) => {
        const { column, type } = WORKLOAD_COLUMN[o.field];
        const expr = o.field === WorkloadOrderField.NAME ? sql`${row}.name COLLATE "C"` : sql`${row}.${sql.identifier(String(column))}`;
        return { name: o.field, expr, desc: o.direction === OrderDirection.DESC, type };
      }),
      { name: 'ID', expr: sql`${row}.id`, desc: false, type: 'int' },
    ],
    values: (r: WorkloadRow) => [...fields.map((o) => r[WORKLOAD_COLUMN[o.field].column]), r.id],
  };
};

/**
 * Query.workloads: every unit of the jurisdictions that have a plan for the
 * year, with its task counts, most loaded first. Units without tasks that
 * year are listed with zeros, so a year-to-year comparison sees them.
 */
export async function workloadPage(
  ctx: RequestContext,
  args: ConnectionArgs & { year: number; section?: Section | null; orderBy?: WorkloadOrder[] },
  info?: GraphQLResolveInfo,
): Promise<Page<UnitWorkloadModel>> {
  const order = workloadKeys(args.orderBy);
  const plan = memoForRootField(info, ctx.principal.scope, () => {
    const request = pageRequest(args, order.keys());
    const cte = workloadsCte(args);
    const count = info ? connectionSelection(info).totalCount : false;
    return { request, cte, statement: compile(pageSql({ with: cte, select: sql`${w}.*`, from: sql`FROM ${w}`, where: TRUE, keys: order.keys, request, count })) };
  });
  const { rows, total } = pageRows(await ctx.query<UnitRow & { lead: number; co: number; total: number }>(plan.statement));
  return toPage(
    rows,
    plan.request,
    order.values,
    (r) => Object.assign(new UnitWorkloadModel(), { unit: UnitModel.fromRow(r), lead: r.lead, co: r.co, total: r.total }),
    async () => {
      if (total !== undefined) return total;
      const [{ count: n }] = await ctx.query<{ count: number }>(sql`WITH ${plan.cte} SELECT count(*)::int AS count FROM ${w}`);
      return n;
    },
  );
}

/** `w AS (…)` (a CTE for pageSql): one row per unit with its lead / co / total counts for the year (and section). */
function workloadsCte(args: { year: number; section?: Section | null }): Sql {
  const year = sql.value(args.year, 'int');
  const section = args.section ? sql` AND ${t}.section = ${sql.value(args.section, 'section')}` : sql.empty;
  return sql`
    ${w} AS (
      SELECT ${unitColumns(u)},
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
