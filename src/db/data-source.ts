import 'reflect-metadata';
import path from 'node:path';
import { DataSource, type LoggerOptions } from 'typeorm';
import { ENTITIES } from './entities';

/**
 * The one place a DataSource is configured. The schema comes only from the
 * written migrations in migrations/; synchronize stays off everywhere.
 */
export interface PoolOptions {
  /** PostgreSQL statement_timeout of every connection (the API sets it; imports do not). */
  statementTimeoutMs?: number;
  /** Longest wait for a connection, new or from the pool (pg's connectionTimeoutMillis). */
  acquireTimeoutMs?: number;
  /** Connections in the pool (pg default 10). */
  size?: number;
}

/**
 * Settings of every API connection. JIT: the questions are small OLTP statements; PostgreSQL's JIT
 * spent 1.8 s compiling a 3.7 s taskStats at 50x scale (issue 10) and never pays off here.
 * work_mem: a taskStats grouping by unit or leader has about one group per assignment row, and
 * with the default 4 MB the planner sorts those rows (on disk, at 50x the seed) where hashing them
 * in memory takes a third of the time; the bench's raw-SQL floor runs with the same settings.
 */
export const SESSION_OPTIONS = '-c jit=off -c work_mem=16MB';

export function createDataSource(url: string, options: { logging?: LoggerOptions; pool?: PoolOptions; today?: string } = {}): DataSource {
  const pool = options.pool ?? {};
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    // Beside this file's tree: migrations/*.ts under ts-node, dist/migrations/*.js when compiled.
    migrations: [path.join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: options.logging ?? false,
    applicationName: 'duban',
    poolSize: pool.size,
    extra: {
      // duban.today: the workflow's fixed date, when configured (config.ts workflowToday, read by duban_today()).
      options: options.today ? `${SESSION_OPTIONS} -c duban.today=${options.today}` : SESSION_OPTIONS,
      ...(pool.statementTimeoutMs ? { statement_timeout: pool.statementTimeoutMs } : {}),
      ...(pool.acquireTimeoutMs ? { connectionTimeoutMillis: pool.acquireTimeoutMs } : {}),
    },
  });
}
