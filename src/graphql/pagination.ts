import { ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from './errors';
import { type Sql, TRUE, and, or, sql } from './sql';

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
  return { limit: (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE, backward, cursor: raw != null ? decodeCursor(raw, signature, backward ? 'before' : 'after') : null, signature };
}

export function encodeCursor(signature: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify({ o: signature, v: values }), 'utf8').toString('base64');
}

function decodeCursor(cursor: string, signature: string, argument: string): unknown[] {
  let parsed: { o?: unknown; v?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    throw new BadUserInputError(`\`${argument}\` is not a cursor of this list.`, argument);
  }
  if (parsed?.o !== signature || !Array.isArray(parsed.v)) {
    throw new BadUserInputError(`\`${argument}\` is a cursor of another list or ordering; cursors are only valid with the same orderBy.`, argument);
  }
  return parsed.v;
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
  const edges = kept.map((row) => ({ cursor: encodeCursor(request.signature, cursorValues(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      // Paging forward from a cursor means the cursor's own row precedes the page, and vice versa.
      hasNextPage: request.backward ? request.cursor !== null : more,
      hasPreviousPage: request.backward ? more : request.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
