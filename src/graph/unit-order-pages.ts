import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import { OrderDirection } from '../graphql/order';
import { type ConnectionArgs, type Page, type SortKey, keysetSql, limitSql, orderBySql, pageRequest, toPage } from '../graphql/pagination';
import { TRUE, and, sql } from '../sql/sql';
import type { UnitWhere } from '../unit/unit.inputs';
import { UnitModel, type UnitRow } from '../unit/unit.type';
import { unitWhereSql } from '../unit/unit-where.sql';
import { unitColumns } from '../unit/unit-json.sql';
import { graphOfPlan, plansOfYear } from './graph-cache';
import { type UnitOrder, UnitOrderField } from './unit-order.inputs';

const u = sql.identifier('u');
const b = sql.identifier('b');

type Row = UnitRow & { betweenness: number };

const KEY_OF: Record<UnitOrderField, Omit<SortKey, 'desc'> & { value: (r: Row) => unknown }> = {
  NAME: { name: 'NAME', expr: sql`${u}.name COLLATE "C"`, type: 'text', value: (r) => r.name },
  BETWEENNESS: { name: 'BETWEENNESS', expr: sql`coalesce(${b}.score, 0)`, type: 'float8', value: (r) => r.betweenness },
};

/**
 * Query.units with orderBy: the graph's scores travel into the statement as
 * two arrays (unit id, score) joined to the units, so filtering, ordering and
 * keyset pagination stay in SQL like every other list. A unit without a task
 * that year scores 0.
 */
export async function orderedUnitPage(
  ctx: RequestContext,
  args: ConnectionArgs & { where?: UnitWhere; orderBy: UnitOrder[]; year?: number | null; includeCollectives?: boolean },
): Promise<Page<UnitModel>> {
  const seen = new Set<UnitOrderField>();
  const keys = args.orderBy
    .filter((o) => !seen.has(o.field) && seen.add(o.field))
    .map((o) => ({ ...KEY_OF[o.field], desc: o.direction === OrderDirection.DESC }));
  if (!seen.has(UnitOrderField.NAME)) keys.push({ ...KEY_OF.NAME, desc: false });
  keys.push({ name: 'ID', expr: sql`${u}.id`, type: 'int', desc: false, value: (r) => r.id });
  const includeCollectives = args.includeCollectives ?? true;
  // The year and the graph are part of the ordering: a cursor from another ranking must not be reused.
  const ranking = `BETWEENNESS@${args.year}${includeCollectives ? '' : '-collectives'}`;
  const request = pageRequest(args, seen.has(UnitOrderField.BETWEENNESS) ? keys.map((k) => (k.name === 'BETWEENNESS' ? { ...k, name: ranking } : k)) : keys);

  let scores = new Map<number, number>();
  if (seen.has(UnitOrderField.BETWEENNESS)) {
    if (args.year == null) throw new BadUserInputError('Ordering by BETWEENNESS needs `year` (the collaboration graph is one year’s).', 'year');
    const graphs = await Promise.all((await plansOfYear(ctx, args.year)).map((plan) => graphOfPlan(ctx, plan)));
    scores = new Map((await Promise.all(graphs.map((g) => g.betweennessByUnit(includeCollectives)))).flatMap((m) => [...m]));
  }
  const where = args.where ? unitWhereSql(args.where, u) : TRUE;
  const from = sql`FROM unit ${u} LEFT JOIN unnest(${sql.value([...scores.keys()], 'int[]')}, ${sql.value([...scores.values()], 'float8[]')}) AS ${b}(unit_id, score)
    ON ${b}.unit_id = ${u}.id`;
  const rows = await ctx.query<Row>(
    sql`SELECT ${unitColumns(u)}, coalesce(${b}.score, 0) AS betweenness ${from}
     WHERE ${and([where, keysetSql(keys, request)])} ORDER BY ${orderBySql(keys, request.backward)} ${limitSql(request)}`,
  );
  return toPage(rows, request, (r) => keys.map((k) => k.value(r)), UnitModel.fromRow, async () => {
    const [{ count }] = await ctx.query<{ count: number }>(sql`SELECT count(*)::int AS count FROM unit ${u} WHERE ${where}`);
    return count;
  });
}
