import { ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from './errors';
import { type Sql, TRUE, and, or, sql } from '../sql/sql';

const LT = sql.raw('<');
const GT = sql.raw('>');

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size from the start (or after \`after\`): 1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor from a previous page: return the items after it.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: `Page size from the end (or before \`before\`): 1–${MAX_PAGE_SIZE}.` })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Cursor from a previous page: return the items before it.' })
  before?: string;
}

/** One ordering key of a keyset: SQL expression, direction and the SQL type of its cursor value. */
export interface SortKey {
  name: string;
  expr: Sql;
  desc: boolean;
  type: string;
}

export interface PageRequest {
  limit: number;
  backward: boolean;
  /** Cursor values for the sort keys, when paging from a cursor. */
  cursor: unknown[] | null;
  signature: string;
}

/** Validates first/last/after/before and decodes the cursor against the ordering it must belong to. */
export function pageRequest(args: ConnectionArgs, keys: SortKey[]): PageRequest {
  if (args.first != null && args.last != null) throw new BadUserInputError('Pass either `first` or `last`, not both.', 'first');
  if (args.after != null && args.before != null) throw new BadUserInputError('Pass either `after` or `before`, not both.', 'after');
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 1 || value > MAX_PAGE_SIZE)) {
      throw new BadUserInputError(`\`${name}\` must be between 1 and ${MAX_PAGE_SIZE} (got ${value}).`, name);
    }
  }
  const backward = args.last != null || (args.before != null && args.first == null);
  const signature = keys.map((k) => `${k.name}${k.desc ? '-' : '+'}`).join(',');
  const raw = backward ? args.before : args.after;
  return { limit: (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE, backward, cursor: raw != null ? decodeCursor(raw, signature, backward ? 'before' : 'after', keys) : null, signature };
}

export function encodeCursor(signature: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify({ o: signature, v: values }), 'utf8').toString('base64');
}

/**
 * A cursor is opaque but not trusted: a forged one (well-formed base64 JSON
 * with the right ordering but values of the wrong type or range) must be the
 * client's error, not a SQL cast failure reported as INTERNAL_SERVER_ERROR.
 */
function decodeCursor(cursor: string, signature: string, argument: string, keys: SortKey[]): unknown[] {
  let parsed: { o?: unknown; v?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    throw new BadUserInputError(`\`${argument}\` is not a cursor of this list.`, argument);
  }
  if (parsed?.o !== signature || !Array.isArray(parsed.v)) {
    throw new BadUserInputError(`\`${argument}\` is a cursor of another list or ordering; cursors are only valid with the same orderBy.`, argument);
  }
  if (parsed.v.length !== keys.length || !keys.every((key, i) => fitsKey(key.type, (parsed.v as unknown[])[i]))) {
    throw new BadUserInputError(`\`${argument}\` is not a cursor of this list (its values do not fit the ordering).`, argument);
  }
  return parsed.v;
}

const INT4_MAX = 2147483647;

function fitsKey(type: string, value: unknown): boolean {
  if (value === null) return true;
  if (type === 'int' || type === 'integer') return Number.isSafeInteger(value) && Math.abs(value as number) <= INT4_MAX;
  if (type === 'bigint' || type === 'numeric') return typeof value === 'number' && Number.isFinite(value);
  return (typeof value === 'string' && !value.includes('\u0000') && value.length <= 1000) || (typeof value === 'number' && Number.isFinite(value));
}

/** ORDER BY for the keys, flipped when paging backward (the page is reversed again afterwards). */
export function orderBySql(keys: SortKey[], backward: boolean): Sql {
  return sql.join(
    keys.map((k) => sql`${k.expr} ${k.desc !== backward ? DESC : ASC}`),
    ', ',
  );
}
const ASC = sql.raw('ASC');
const DESC = sql.raw('DESC');

/** The alias of a page's rows in pageSql, for the `extra` columns computed over them. */
export const PAGE_ROW = sql.identifier('x');
const F = sql.identifier('f');
const CNT = sql.identifier('cnt');

/**
 * The one statement of a root page. Without a count: `select … where filter
 * AND keyset order by … limit`, straight over the tables so an index can
 * serve the order and stop early. With a count (only when the query asks
 * for totalCount): the filtered rows once, as a materialised CTE `f`; the
 * count over all of them and the page (keyset, order, limit) over the same
 * rows, so the filter is evaluated once, as the hand-written floor does.
 * `keys(row)` gives the sort keys over the tables' aliases, or over the
 * selected columns of `row` (they must include every key's column). `extra`
 * adds columns computed per page row (aliased PAGE_ROW), e.g. relations.
 * Rows come back in page order; with a count each carries total_count, and
 * an empty page is one row of NULLs plus the count (see pageRows).
 */
export function pageSql(parts: {
  with?: Sql;
  select: Sql;
  from: Sql;
  where: Sql;
  keys: (row?: Sql) => SortKey[];
  request: PageRequest;
  count: boolean;
  extra?: Sql;
}): Sql {
  const x = PAGE_ROW;
  const extra = parts.extra ?? sql.empty;
  const ctes = parts.with ? [parts.with] : [];
  if (!parts.count) {
    const keys = parts.keys();
    const order = orderBySql(keys, parts.request.backward);
    const page = sql`SELECT ${parts.select}, row_number() OVER (ORDER BY ${order}) AS rn ${parts.from} WHERE ${and([parts.where, keysetSql(keys, parts.request)])}
     ORDER BY ${order} ${limitSql(parts.request)}`;
    const head = ctes.length ? sql`WITH ${sql.join(ctes, ', ')} ` : sql.empty;
    return parts.extra ? sql`${head}SELECT ${x}.*${extra} FROM (${page}) ${x} ORDER BY ${x}.rn` : sql`${head}${page}`;
  }
  const keys = parts.keys(F);
  const order = orderBySql(keys, parts.request.backward);
  ctes.push(sql`${F} AS MATERIALIZED (SELECT ${parts.select} ${parts.from} WHERE ${parts.where})`);
  return sql`WITH ${sql.join(ctes, ', ')}
    SELECT ${x}.*${extra}, ${CNT}.total_count FROM (SELECT count(*)::int AS total_count FROM ${F}) ${CNT}
    LEFT JOIN LATERAL (SELECT ${F}.*, row_number() OVER (ORDER BY ${order}) AS rn FROM ${F} WHERE ${keysetSql(keys, parts.request)}
      ORDER BY ${order} ${limitSql(parts.request)}) ${x} ON TRUE
    ORDER BY ${x}.rn`;
}

/** The page's rows of a pageSql result and, when it was asked for, the count. */
export function pageRows<R extends { id: unknown }>(rows: (R & { total_count?: number })[]): { rows: R[]; total: number | undefined } {
  return { rows: rows.filter((r) => r.id !== null), total: rows[0]?.total_count };
}

/** LIMIT one more row than the page, to see whether more exist; a parameter, so every page size shares one statement. */
export function limitSql(request: PageRequest): Sql {
  return sql`LIMIT ${sql.value(request.limit + 1, 'int')}`;
}

/**
 * Rows strictly after (or before) the cursor in the key order:
 * (k1 > v1) OR (k1 = v1 AND k2 > v2) OR …, with < for descending keys.
 * Works for any mix of directions, unlike a row-value comparison.
 */
export function keysetSql(keys: SortKey[], request: PageRequest): Sql {
  if (!request.cursor) return TRUE;
  const values = request.cursor;
  if (values.length !== keys.length) throw new BadUserInputError('The cursor does not fit this list.', request.backward ? 'before' : 'after');
  return or(
    keys.map((key, i) => {
      const equal = keys.slice(0, i).map((k, j) => sql`${k.expr} = ${sql.value(values[j], k.type)}`);
      const op = key.desc !== request.backward ? LT : GT;
      return and([...equal, sql`${key.expr} ${op} ${sql.value(values[i], key.type)}`]);
    }),
  );
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only when a client asks for totalCount. */
  totalCount: () => Promise<number>;
}

/**
 * An edge whose cursor is encoded when read: most queries select nodes
 * without cursors (profile: a JSON + base64 per row). A class with the getter
 * on its prototype, not an object literal with its own getter: that built an
 * accessor and a closure per row (~1.4% of the workloads query's CPU).
 */
class LazyEdge<R, T> {
  constructor(
    private readonly row: R,
    readonly node: T,
    private readonly signature: string,
    private readonly cursorValues: (row: R) => unknown[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.signature, this.cursorValues(this.row));
  }
}

/** Turns the fetched rows (limit + 1 to see whether more exist) into a page. */
export function toPage<R, T>(
  rows: R[],
  request: PageRequest,
  cursorValues: (row: R) => unknown[],
  toNode: (row: R) => T,
  totalCount: () => Promise<number>,
): Page<T> {
  const more = rows.length > request.limit;
  const kept = rows.slice(0, request.limit);
  if (request.backward) kept.reverse();
  const edges = kept.map((row) => new LazyEdge(row, toNode(row), request.signature, cursorValues));
  return {
    edges,
    pageInfo: {
      // Paging forward from a cursor means the cursor's own row precedes the page, and vice versa.
      hasNextPage: request.backward ? request.cursor !== null : more,
      hasPreviousPage: request.backward ? more : request.cursor !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    totalCount,
  };
}
