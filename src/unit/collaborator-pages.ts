import type { RequestContext } from '../graphql/context';
import { groupBy } from '../graphql/context';
import { type ConnectionArgs, type Page, type SortKey, keysetSql, limitSql, orderBySql, pageRequest, toPage } from '../graphql/pagination';
import { sql } from '../sql/sql';
import { taskScope } from './unit-graph.loaders';
import { CollaboratorModel } from './unit-graph.types';
import { UnitModel, type UnitRow } from './unit.type';
import { unitJson } from './unit-json.sql';

const a = sql.identifier('a');
const b = sql.identifier('b');
const u = sql.identifier('u');
const c = sql.identifier('c');
const x = sql.identifier('x');
const parent = sql.identifier('parent');

/**
 * The order of Unit.collaborators, made a keyset: most shared tasks first,
 * then name (code-point order) and id, so every collaborator has one place
 * and a cursor is the triple. The same order the deprecated list uses.
 */
const KEYS: SortKey[] = [
  { name: 'SHARED', expr: sql`${c}.shared`, desc: true, type: 'int' },
  { name: 'NAME', expr: sql`${c}.name COLLATE "C"`, desc: false, type: 'text' },
  { name: 'ID', expr: sql`${c}.id`, desc: false, type: 'int' },
];

type Row = { parent_id: number; id: number; name: string; shared: number; task_ids: number[]; unit: UnitRow };

/** The collaborators of the unit `parent.id` (any role, year if given), one row per other unit. */
const collaboratorsOf = (year?: number | null) =>
  sql`SELECT ${u}.id, ${u}.name, count(DISTINCT ${a}.task_id)::int AS shared, array_agg(DISTINCT ${a}.task_id ORDER BY ${a}.task_id) AS task_ids, ${unitJson(u)} AS unit
   FROM assignment ${a} JOIN assignment ${b} ON ${b}.task_id = ${a}.task_id AND ${b}.unit_id <> ${a}.unit_id
   JOIN unit ${u} ON ${u}.id = ${b}.unit_id${taskScope(sql`${a}.task_id`, year)}
   WHERE ${a}.unit_id = ${parent}.id GROUP BY ${u}.id`;

/**
 * Unit.collaboratorConnection: the page of every unit of a request in one
 * statement (a LATERAL sub-select per parent, as Unit.tasks does), batched
 * per distinct arguments; totalCount is its own batched statement, run only
 * when a client asks for it.
 */
export function collaboratorPage(ctx: RequestContext, unitId: number, args: ConnectionArgs & { year?: number | null }): Promise<Page<CollaboratorModel>> {
  const request = pageRequest(args, KEYS);
  const order = orderBySql(KEYS, request.backward);
  return ctx
    .loader<number, Page<CollaboratorModel>>(`unit.collaboratorPage:${JSON.stringify(args)}`, async (unitIds) => {
      const rows = await ctx.query<Row>(
        sql`SELECT ${parent}.id AS parent_id, ${x}.* FROM unnest(${sql.value(unitIds, 'int[]')}) WITH ORDINALITY AS ${parent}(id, ord)
         CROSS JOIN LATERAL (
           SELECT ${c}.*, row_number() OVER (ORDER BY ${order}) AS rn FROM (${collaboratorsOf(args.year)}) ${c}
           WHERE ${keysetSql(KEYS, request)} ORDER BY ${order} ${limitSql(request)}
         ) ${x}
         ORDER BY ${parent}.ord, ${x}.rn`,
      );
      return groupBy(unitIds, rows, (r) => r.parent_id).map((group, k) =>
        toPage(
          group,
          request,
          (r) => [r.shared, r.name, r.id],
          (r) => Object.assign(new CollaboratorModel(), { unit: UnitModel.fromRow(r.unit), sharedTaskCount: r.shared, taskIds: r.task_ids }),
          () => collaboratorCount(ctx, unitIds[k], args.year),
        ),
      );
    })
    .load(unitId);
}

function collaboratorCount(ctx: RequestContext, unitId: number, year?: number | null): Promise<number> {
  return ctx
    .loader<number, number>(`unit.collaboratorCount:${year}`, async (unitIds) => {
      const rows = await ctx.query<{ parent_id: number; count: number }>(
        sql`SELECT ${parent}.id AS parent_id, (SELECT count(DISTINCT ${b}.unit_id)::int
             FROM assignment ${a} JOIN assignment ${b} ON ${b}.task_id = ${a}.task_id AND ${b}.unit_id <> ${a}.unit_id${taskScope(sql`${a}.task_id`, year)}
             WHERE ${a}.unit_id = ${parent}.id) AS count
         FROM unnest(${sql.value(unitIds, 'int[]')}) AS ${parent}(id)`,
      );
      const counts = new Map(rows.map((r) => [r.parent_id, r.count]));
      return unitIds.map((id) => counts.get(id) ?? 0);
    })
    .load(unitId);
}
