import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, whether we run from src/ (ts-node) or dist/ (tsc). */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`No package.json above ${from}`);
}

/** The folder of the seed documents and the reviewed unit registry (DUBAN_SEEDS_DIR): seeding and uploads read the same one. */
export function seedsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DUBAN_SEEDS_DIR || path.join(PROJECT_ROOT, 'seeds');
}

/**
 * Where the database comes from. DATABASE_URL wins; without it an embedded
 * cluster is started under DUBAN_DATA_DIR (default .data/postgres).
 */
export interface DatabaseConfig {
  url?: string;
  embedded: { dataDir: string; port: number; database: string };
  /** DUBAN_TODAY: the workflow's calendar date fixed for a drill or a demo (YYYY-MM-DD); unset, the real date in Beijing. */
  today?: string;
}

export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    url: env.DATABASE_URL || undefined,
    embedded: {
      dataDir: env.DUBAN_DATA_DIR || path.join(PROJECT_ROOT, '.data', 'postgres'),
      port: Number(env.EMBEDDED_PG_PORT || 54329),
      database: 'duban',
    },
    today: workflowToday(env.DUBAN_TODAY),
  };
}

/**
 * DUBAN_TODAY, checked: a real calendar date or nothing. It reaches
 * PostgreSQL as the connection setting `duban.today`, which `duban_today()`
 * reads, so SQL and the workflow mutations see one date.
 */
export function workflowToday(value: string | undefined, name = 'DUBAN_TODAY'): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new Error(`${name} must be a date written YYYY-MM-DD (2024-03-20), not ${JSON.stringify(value)}.`);
  return value;
}
