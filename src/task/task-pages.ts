import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../graphql/context';
import { groupBy } from '../graphql/context';
import { OrderDirection } from '../graphql/order';
import { PAGE_ROW, type Page, type SortKey, keysetSql, limitSql, orderBySql, pageRequest, pageRows, pageSql, toPage } from '../graphql/pagination';
import { connectionSelection } from '../graphql/selection';
import { memoForRootField } from '../graphql/operation-memo';
import { type Sql, TRUE, and, compile, sql } from '../sql/sql';
import type { Role } from '../unit/role';
import { type TaskConnectionArgs, TaskOrderField, type TaskWhere } from './task.inputs';
import { taskColumns } from './task-columns.sql';
import { type TaskRelation, taskRelations } from './task-relations.sql';
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

const KEY_OF: Record<TaskOrderField, Omit<SortKey, 'desc'> & { column: string; value: (r: TaskRow) => unknown }> = {
  YEAR: { name: 'YEAR', expr: sql`${p}.year`, column: 'year', type: 'int', value: (r) => r.year },
  SECTION: { name: 'SECTION', expr: sql`${t}.section`, column: 'section', type: 'section', value: (r) => r.section },
  NUMBER: { name: 'NUMBER', expr: sql`${t}.number`, column: 'number', type: 'int', value: (r) => r.number },
};
const DEFAULT_ORDER = [TaskOrderField.YEAR, TaskOrderField.SECTION, TaskOrderField.NUMBER].map((field) => ({ field, direction: OrderDirection.ASC }));

/**
 * The sort keys of a request, always ending in the task id so that equal
 * keys still page stably; over `t`/`p`, or over the TaskRow columns of `row`.
 */
function sortKeys(args: TaskConnectionArgs, row?: Sql) {
  const seen = new Set<TaskOrderField>();
  const keys = (args.orderBy?.length ? args.orderBy : DEFAULT_ORDER)
    .filter((o) => !seen.has(o.field) && seen.add(o.field))
    .map((o) => ({ ...KEY_OF[o.field], desc: o.direction === OrderDirection.DESC }))
    .map((k) => (row ? { ...k, expr: sql`${row}.${sql.identifier(k.column)}` } : k));
  return [...keys, { name: 'ID', expr: sql`${row ?? t}.id`, type: 'int', desc: false, value: (r: TaskRow) => r.id }];
}

const FROM = sql`FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id`;
const COLUMNS = taskColumns(t, p);

type PageRow = TaskRow & { total_count?: number } & Record<string, unknown>;

/**
 * Query.tasks: one statement for the page, its totalCount when the query
 * asks for it, and the relations the query selects on the page's tasks
 * (task-relations.sql.ts). Without `info` (callers outside a resolver) the
 * count is a second statement on demand and relations load lazily.
 * Everything before the statement runs depends on the query alone and is
 * built once per operation and variables (operation-memo.ts).
 */
export async function taskPage(ctx: RequestContext, args: TaskConnectionArgs, info?: GraphQLResolveInfo): Promise<Page<TaskModel>> {
  const plan = memoForRootField(info, ctx.principal.scope, () => taskPagePlan(args, info));
  const { rows: found, total } = pageRows(await ctx.query<PageRow>(plan.statement));
  for (const row of found) for (const relation of plan.relations) relation.prime(ctx, row);
  return toPage(found, plan.request, plan.cursorValues, TaskModel.fromRow, async () => {
    if (total !== undefined) return total;
    const [{ count: n }] = await ctx.query<{ count: number }>(sql`SELECT count(*)::int AS count ${FROM} WHERE ${plan.where}`);
    return n;
  });
}

/** What taskPage derives from its arguments and selection before it touches the database. */
function taskPagePlan(args: TaskConnectionArgs, info: GraphQLResolveInfo | undefined) {
  const keys = sortKeys(args);
  const request = pageRequest(args, keys);
  const where = whereSql(args.where);
  const selection = info ? connectionSelection(info) : null;
  const relations = selection && info ? taskRelations(selection, info, PAGE_ROW) : [];
  const statement = compile(
    pageSql({
      select: COLUMNS,
      from: FROM,
      where,
      keys: (row) => sortKeys(args, row),
      request,
      count: selection?.totalCount ?? false,
      extra: relations.length ? relationColumns(relations) : undefined,
    }),
  );
  return { statement, request, where, relations, cursorValues: (r: TaskRow) => keys.map((k) => k.value(r)) };
}

function relationColumns(relations: TaskRelation[]): Sql {
  return relations.length ? sql`, ${sql.join(relations.map((r) => r.column), ', ')}` : sql.empty;
}

/**
 * leader.tasks, unit.tasks, …: the page of every parent in one statement
 * (a LATERAL sub-select per parent id), batched by a DataLoader per distinct
 * scope and arguments.
 */
export function scopedTaskPage(ctx: RequestContext, scope: TaskScope, parentId: number, args: TaskConnectionArgs, info?: GraphQLResolveInfo): Promise<Page<TaskModel>> {
  const keys = sortKeys(args);
  const request = pageRequest(args, keys);
  const selection = info ? connectionSelection(info) : null;
  const name = `tasks:${JSON.stringify(scope)}:${JSON.stringify(args)}:${selection?.signature ?? ''}`;
  return ctx
    .loader<number, Page<TaskModel>>(name, async (parentIds) => {
      const relations = selection && info ? taskRelations(selection, info, x) : [];
      const order = orderBySql(keys, request.backward);
      const where = whereSql(args.where);
      // OFFSET 0 keeps the per-parent count where it is: pulled up, it would run once per task row.
      const parents = selection?.totalCount
        ? sql`(SELECT ${parent}.id, ${parent}.ord, (SELECT count(*)::int ${FROM} WHERE ${and([scopeSql(scope), where])}) AS total_count
             FROM unnest(${sql.value(parentIds, 'int[]')}) WITH ORDINALITY AS ${parent}(id, ord) OFFSET 0) ${parent}`
        : sql`unnest(${sql.value(parentIds, 'int[]')}) WITH ORDINALITY AS ${parent}(id, ord)`;
      const rows = await ctx.query<PageRow & { parent_id: number }>(
        sql`SELECT ${parent}.id AS parent_id${selection?.totalCount ? sql`, ${parent}.total_count` : sql.empty}, ${x}.*${relationColumns(relations)}
         FROM ${parents} ${selection?.totalCount ? sql`LEFT` : sql`CROSS`} JOIN LATERAL (
           SELECT ${COLUMNS}, row_number() OVER (ORDER BY ${order}) AS rn ${FROM}
           WHERE ${and([scopeSql(scope), where, keysetSql(keys, request)])}
           ORDER BY ${order} ${limitSql(request)}
         ) ${x} ${selection?.totalCount ? sql`ON TRUE` : sql.empty}
         ORDER BY ${parent}.ord, ${x}.rn`,
      );
      const totals = new Map(rows.map((r) => [r.parent_id, r.total_count]));
      const found = rows.filter((r) => r.id !== null);
      for (const row of found) for (const relation of relations) relation.prime(ctx, row);
      return groupBy(parentIds, found, (r) => r.parent_id).map((group, k) =>
        toPage(group, request, (r) => keys.map((key) => key.value(r)), TaskModel.fromRow, async () => {
          const total = totals.get(parentIds[k]);
          return total ?? scopedTaskCount(ctx, scope, parentIds[k], args.where);
        }),
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
