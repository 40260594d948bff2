import type { DataSource } from 'typeorm';

/** Any fixed number: the key of the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 0x6475_6261; // "duba"

/**
 * Applies pending migrations while holding a session advisory lock, so two
 * processes starting on an empty database (a server and `npm run import`, or
 * two imports) run them one after the other instead of racing to create the
 * same tables; the second finds nothing left to do.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await dataSource.runMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
