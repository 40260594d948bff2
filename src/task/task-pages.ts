import type { RequestContext } from '../graphql/context';
import { groupBy } from '../graphql/context';
import { OrderDirection } from '../graphql/order';
import { type Page, type SortKey, keysetSql, limitSql, orderBySql, pageRequest, toPage } from '../graphql/pagination';
import { type Sql, TRUE, and, sql } from '../graphql/sql';
import type { Role } from '../unit/role';
import { type TaskConnectionArgs, TaskOrderField, type TaskWhere } from './task.inputs';
import { taskColumns } from './task-columns.sql';
import { TaskModel, type TaskRow } from './task.type';
import { taskWhereSql } from './task-where.sql';

/** Whose tasks a connection lists: all, or those of one parent row (`parent.id`). */
export type TaskScope = { kind: 'plan' } | { kind: 'category' } | { kind: 'leader' } | { kind: 'unit'; role?: Role };

const t = sql.identifier('t');
const p = sql.identifier('p');
const parent = sql.identifier('parent');
const stl = sql.identifier('stl');
const sa = sql.identifier('sa');
const x = sql.identifier('x');

/** Ties the task `t` to the parent row `parent` of a scoped connection. */
function scopeSql(scope: TaskScope): Sql {
  switch (scope.kind) {
    case 'plan':
      return sql`${t}.plan_id = ${parent}.id`;
    case 'category':
      return sql`${t}.category_id = ${parent}.id`;
    case 'leader':
      return sql`EXISTS (SELECT 1 FROM task_leader ${stl} WHERE ${stl}.task_id = ${t}.id AND ${stl}.leader_id = ${parent}.id)`;
    case 'unit':
      return sql`EXISTS (SELECT 1 FROM assignment ${sa} WHERE ${sa}.task_id = ${t}.id AND ${sa}.unit_id = ${parent}.id${
        scope.role ? sql` AND ${sa}.role = ${sql.value(scope.role, 'role')}` : sql.empty
      })`;
  }
}

const KEY_OF: Record<TaskOrderField, Omit<SortKey, 'desc'> & { value: (r: TaskRow) => unknown }> = {
  YEAR: { name: 'YEAR', expr: sql`${p}.year`, type: 'int', value: (r) => r.year },
  SECTION: { name: 'SECTION', expr: sql`${t}.section`, type: 'section', value: (r) => r.section },
  NUMBER: { name: 'NUMBER', expr: sql`${t}.number`, type: 'int', value: (r) => r.number },
};
const DEFAULT_ORDER = [TaskOrderField.YEAR, TaskOrderField.SECTION, TaskOrderField.NUMBER].map((field) => ({ field, direction: OrderDirection.ASC }));

/** The sort keys of a request, always ending in the task id so that equal keys still page stably. */
function sortKeys(args: TaskConnectionArgs) {
  const seen = new Set<TaskOrderField>();
  const keys = (args.orderBy?.length ? args.orderBy : DEFAULT_ORDER)
    .filter((o) => !seen.has(o.field) && seen.add(o.field))
    .map((o) => ({ ...KEY_OF[o.field], desc: o.direction === OrderDirection.DESC }));
  return [...keys, { name: 'ID', expr: sql`${t}.id`, type: 'int', desc: false, value: (r: TaskRow) => r.id }];
}

const FROM = sql`FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id`;
const COLUMNS = taskColumns(t, p);

/** Query.tasks: one page of all tasks, one statement (plus one for totalCount when asked). */
export async function taskPage(ctx: RequestContext, args: TaskConnectionArgs): Promise<Page<TaskModel>> {
  const keys = sortKeys(args);
  const request = pageRequest(args, keys);
  const where = whereSql(args.where);
  const rows = await ctx.query<TaskRow>(
    sql`SELECT ${COLUMNS} ${FROM} WHERE ${and([where, keysetSql(keys, request)])}
     ORDER BY ${orderBySql(keys, request.backward)} ${limitSql(request)}`,
  );
  return toPage(rows, request, (r) => keys.map((k) => k.value(r)), TaskModel.fromRow, async () => {
    const [{ count }] = await ctx.query<{ count: number }>(sql`SELECT count(*)::int AS count ${FROM} WHERE ${where}`);
    return count;
  });
}

/**
 * leader.tasks, unit.tasks, …: the page of every parent in one statement
 * (a LATERAL sub-select per parent id), batched by a DataLoader per distinct
 * scope and arguments.
 */
export function scopedTaskPage(ctx: RequestContext, scope: TaskScope, parentId: number, args: TaskConnectionArgs): Promise<Page<TaskModel>> {
  const keys = sortKeys(args);
  const request = pageRequest(args, keys);
  const name = `tasks:${JSON.stringify(scope)}:${JSON.stringify(args)}`;
  return ctx
    .loader<number, Page<TaskModel>>(name, async (parentIds) => {
      const rows = await ctx.query<TaskRow & { parent_id: number }>(
        sql`SELECT ${parent}.id AS parent_id, ${x}.* FROM unnest(${sql.value(parentIds, 'int[]')}) AS ${parent}(id)
         CROSS JOIN LATERAL (
           SELECT ${COLUMNS} ${FROM}
           WHERE ${and([scopeSql(scope), whereSql(args.where), keysetSql(keys, request)])}
           ORDER BY ${orderBySql(keys, request.backward)} ${limitSql(request)}
         ) ${x}`,
      );
      return groupBy(parentIds, rows, (r) => r.parent_id).map((group, k) =>
        toPage(group, request, (r) => keys.map((key) => key.value(r)), TaskModel.fromRow, () => scopedTaskCount(ctx, scope, parentIds[k], args.where)),
      );
    })
    .load(parentId);
}

function scopedTaskCount(ctx: RequestContext, scope: TaskScope, parentId: number, where: TaskWhere | undefined): Promise<number> {
  return ctx
    .loader<number, number>(`taskCount:${JSON.stringify(scope)}:${JSON.stringify(where ?? null)}`, async (parentIds) => {
      const rows = await ctx.query<{ parent_id: number; count: number }>(
        sql`SELECT ${parent}.id AS parent_id, (SELECT count(*)::int ${FROM} WHERE ${and([scopeSql(scope), whereSql(where)])}) AS count
         FROM unnest(${sql.value(parentIds, 'int[]')}) AS ${parent}(id)`,
      );
      const counts = new Map(rows.map((r) => [r.parent_id, r.count]));
      return parentIds.map((id) => counts.get(id) ?? 0);
    })
    .load(parentId);
}

function whereSql(where: TaskWhere | undefined): Sql {
  return where ? taskWhereSql(where, { task: t, plan: p }) : TRUE;
}
