import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

function serverUrl(): URL {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set (the jest global setup sets it)');
  return new URL(url);
}

async function admin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const url = serverUrl();
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database with the migrations applied: one per test file, so files never share state. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `duban_test_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = serverUrl();
  url.pathname = `/${name}`;
  const dataSource = createDataSource(url.toString());
  await dataSource.initialize();
  if (options.migrate !== false) await dataSource.runMigrations();
  return {
    url: url.toString(),
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Row counts of every table: "the database did not change" is this snapshot being equal. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables = ['jurisdiction', 'plan', 'document', 'category', 'task', 'leader', 'task_leader', 'unit', 'unit_alias', 'assignment', 'progress_update'];
  const [row] = await dataSource.query(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
  return row;
}
