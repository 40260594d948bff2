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
      // The questions are small OLTP statements: PostgreSQL's JIT spent 1.8 s compiling a 3.7 s taskStats
      // at 50x scale (issue 10) and never pays off here.
      // duban.today: the workflow's fixed date, when configured (config.ts workflowToday, read by duban_today()).
      options: options.today ? `-c jit=off -c duban.today=${options.today}` : '-c jit=off',
      ...(pool.statementTimeoutMs ? { statement_timeout: pool.statementTimeoutMs } : {}),
      ...(pool.acquireTimeoutMs ? { connectionTimeoutMillis: pool.acquireTimeoutMs } : {}),
    },
  });
}
