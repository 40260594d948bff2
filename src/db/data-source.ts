import 'reflect-metadata';
import path from 'node:path';
import { DataSource, type LoggerOptions } from 'typeorm';
import { PROJECT_ROOT } from './config';
import { ENTITIES } from './entities';

/**
 * The one place a DataSource is configured. The schema comes only from the
 * written migrations in migrations/; synchronize stays off everywhere.
 */
export function createDataSource(url: string, options: { logging?: LoggerOptions } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [path.join(PROJECT_ROOT, 'migrations', '*.{ts,js}')],
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: options.logging ?? false,
    applicationName: 'duban',
  });
}
