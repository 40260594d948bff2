import type { DataSource } from 'typeorm';
import { databaseConfig, type DatabaseConfig } from './config';
import { createDataSource } from './data-source';
import { startEmbeddedServer } from './embedded-server';

export interface Database {
  dataSource: DataSource;
  /** Closes the pool and stops an embedded cluster this process started. */
  close(): Promise<void>;
}

/** DATABASE_URL if given, else the embedded cluster; migrations are applied before returning. */
export async function connectDatabase(config: DatabaseConfig = databaseConfig()): Promise<Database> {
  const embedded = config.url ? undefined : await startEmbeddedServer(config.embedded);
  const dataSource = createDataSource(config.url ?? embedded!.url);
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
