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

/**
 * Where the database comes from. DATABASE_URL wins; without it an embedded
 * cluster is started under DUBAN_DATA_DIR (default .data/postgres).
 */
export interface DatabaseConfig {
  url?: string;
  embedded: { dataDir: string; port: number; database: string };
}

export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    url: env.DATABASE_URL || undefined,
    embedded: {
      dataDir: env.DUBAN_DATA_DIR || path.join(PROJECT_ROOT, '.data', 'postgres'),
      port: Number(env.EMBEDDED_PG_PORT || 54329),
      database: 'duban',
    },
  };
}
