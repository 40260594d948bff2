import type { DataSource } from 'typeorm';
import { databaseConfig, type DatabaseConfig } from './config';
import { createDataSource, type PoolOptions } from './data-source';
import { type Notice, type StoppedPostmaster, startEmbeddedServer } from './embedded-server';
import { runMigrationsLocked } from './migrate';

export interface Database {
  dataSource: DataSource;
  /** Closes the pool and leaves the embedded cluster (the last process of this checkout stops it, and says which postmaster). */
  close(): Promise<StoppedPostmaster | undefined>;
}

export interface ConnectOptions {
  config?: DatabaseConfig;
  /** statement_timeout, acquisition timeout and size of the pool (the API sets them; imports do not). */
  pool?: PoolOptions;
  /** Where to say what happened to the embedded cluster (port changed, adopted after a crash). */
  notice?: Notice;
}

/** DATABASE_URL if given, else the embedded cluster; migrations are applied (one process at a time) before returning. */
export async function connectDatabase(options: ConnectOptions = {}): Promise<Database> {
  const config = options.config ?? databaseConfig();
  const embedded = config.url ? undefined : await startEmbeddedServer({ ...config.embedded, notice: options.notice });
  const dataSource = createDataSource(config.url ?? embedded!.url, { pool: options.pool, today: config.today });
  try {
    await dataSource.initialize();
    await runMigrationsLocked(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  let closed = false;
  return {
    dataSource,
    close: async () => {
      if (closed) return undefined;
      closed = true;
      await dataSource.destroy().catch(() => undefined);
      return embedded?.leave();
    },
  };
}
