import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { connectionOf } from '../graphql/connection';
import type { RequestContext } from '../graphql/context';
import { idOf } from '../graphql/id-input';
import { type Page, pageRequest, pageRows, pageSql, toPage } from '../graphql/pagination';
import { type Sql, and, compile, sql } from '../sql/sql';
import { EXTENSION_REQUEST_COLUMNS, ExtensionRequestModel, type ExtensionRequestRow } from './extension-request.type';
import { ExtensionRequestsArgs, type ExtensionRequestWhere } from './extension.inputs';

export const { Connection: ExtensionRequestConnection, ConnectionResolver: ExtensionRequestConnectionResolver } = connectionOf(
  ExtensionRequestModel,
  'ExtensionRequest',
  'extension request',
);

const er = sql.identifier('extension_request');

@Resolver()
export class ExtensionRequestsQueryResolver {
  @Query(() => ExtensionRequestConnection, {
    description: 'Extension requests (延期申请), oldest first: `where: { state: PENDING }` is what the office has to answer. Count them per unit or leader with `taskStats(where: { extensionPending: true })`.',
  })
  async extensionRequests(@Args() args: ExtensionRequestsArgs, @Ctx() ctx: RequestContext): Promise<Page<ExtensionRequestModel>> {
    const keys = (row?: Sql) => [{ name: 'ID', expr: row ? sql`${row}.id` : sql`${er}.id`, desc: false, type: 'int' }];
    const request = pageRequest(args, keys());
    const where = whereSql(args.where ?? {});
    const statement = compile(pageSql({ select: sql.raw(EXTENSION_REQUEST_COLUMNS), from: sql`FROM ${er}`, where, keys, request, count: false }));
    const { rows } = pageRows(await ctx.query<ExtensionRequestRow>(statement));
    return toPage(rows, request, (r) => [r.id], ExtensionRequestModel.fromRow, async () => {
      const count = compile(sql`SELECT count(*)::int AS n FROM ${er} WHERE ${where}`);
      const [{ n }] = await ctx.query<{ n: number }>(count);
      return n;
    });
  }
}

function whereSql(where: ExtensionRequestWhere): Sql {
  const parts: Sql[] = [];
  if (where.state) parts.push(sql`${er}.state = ${sql.value(where.state, 'extension_state')}`);
  if (where.stateIn) parts.push(sql`${er}.state = ANY(${sql.value(where.stateIn, 'extension_state[]')})`);
  if (where.task) parts.push(sql`${er}.task_id = ${sql.value(idOf('Task', where.task, 'where.task'), 'int')}`);
  if (where.unit) parts.push(sql`${er}.unit_id = ${sql.value(idOf('Unit', where.unit, 'where.unit'), 'int')}`);
  return and(parts);
}
