import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { type Compiled, statementName } from './sql';

/**
 * How a compiled statement reaches PostgreSQL: straight through the pg pool
 * under TypeORM (its query runner adds a connection wrapper, logging hooks
 * and result mapping per call that the hot path does not need), as a named
 * prepared statement, so each connection parses and plans a query shape
 * once instead of on every request.
 *
 * The number of names is capped: shapes come from user-written filters, and
 * every named statement stays allocated on every pool connection for the
 * connection's life. Past the cap, new shapes run unnamed (parsed each
 * time, as before), which bounds the server's memory whatever clients send.
 */
export const MAX_PREPARED_SHAPES = 500;
const names = new Map<string, string>();

/** The statement's name when it may be prepared, else undefined. */
function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_PREPARED_SHAPES) return known;
  const name = statementName(text);
  names.set(text, name);
  return name;
}

const pools = new WeakMap<DataSource, Pool>();

function poolOf(dataSource: DataSource): Pool {
  let pool = pools.get(dataSource);
  if (!pool) {
    pool = (dataSource.driver as unknown as { master: Pool }).master;
    pools.set(dataSource, pool);
  }
  return pool;
}

export async function runStatement<T>(dataSource: DataSource, { text, values }: Compiled): Promise<T[]> {
  const result = await poolOf(dataSource).query({ name: nameOf(text), text, values });
  return result.rows as T[];
}
