import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { connectionOf } from '../graphql/connection';
import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import { idOf } from '../graphql/id-input';
import { type Page, pageRequest, pageRows, pageSql, toPage } from '../graphql/pagination';
import { type Sql, and, compile, sql } from '../sql/sql';
import { AuditLogArgs, type AuditWhere } from './audit.inputs';
import { AUDIT_COLUMNS, AuditEntryModel, type AuditRow } from './audit-entry.type';

export const { Connection: AuditEntryConnection, ConnectionResolver: AuditEntryConnectionResolver } = connectionOf(AuditEntryModel, 'AuditEntry', 'audit entry');

const a = sql.identifier('audit_log');

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit trail (审计记录), newest first: every write and every refusal (ADMIN and OFFICE).' })
  async auditLog(@Args() args: AuditLogArgs, @Ctx() ctx: RequestContext): Promise<Page<AuditEntryModel>> {
    const keys = (row?: Sql) => [{ name: 'ID', expr: row ? sql`${row}.id` : sql`${a}.id`, desc: true, type: 'bigint' }];
    const request = pageRequest(args, keys());
    const where = whereSql(args.where ?? {});
    const statement = compile(pageSql({ select: sql.raw(AUDIT_COLUMNS), from: sql`FROM ${a}`, where, keys, request, count: false }));
    const { rows } = pageRows(await ctx.query<AuditRow>(statement));
    return toPage(rows, request, (r) => [Number(r.id)], AuditEntryModel.fromRow, async () => {
      const count = compile(sql`SELECT count(*)::int AS n FROM ${a} WHERE ${where}`);
      const [{ n }] = await ctx.query<{ n: number }>(count);
      return n;
    });
  }
}

function whereSql(where: AuditWhere): Sql {
  const parts: Sql[] = [];
  if (where.action?.length) parts.push(sql`${a}.action = ANY(${sql.value(where.action, 'text[]')})`);
  if (where.decision) parts.push(sql`${a}.decision = ${sql.value(where.decision, 'audit_decision')}`);
  if (where.account) parts.push(sql`${a}.account_id = ${sql.value(idOf('Account', where.account, 'where.account'), 'int')}`);
  if (where.task) parts.push(sql`${a}.target @> ${sql.value(JSON.stringify({ task: idOf('Task', where.task, 'where.task') }), 'jsonb')}`);
  if (where.requestId) parts.push(sql`${a}.request_id = ${sql.value(where.requestId, 'text')}`);
  if (where.since) parts.push(sql`${a}.at >= ${sql.value(isoTime(where.since, 'since'), 'timestamptz')}`);
  if (where.until) parts.push(sql`${a}.at < ${sql.value(isoTime(where.until, 'until'), 'timestamptz')}`);
  return and(parts);
}

function isoTime(value: string, field: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new BadUserInputError(`where.${field} must be an ISO 8601 date or time (got "${value.slice(0, 40)}").`, field);
  return time.toISOString();
}
