import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { importFiles } from '../../src/import/writer/import-files';
import { seedIfEmpty } from '../../src/import/writer/seed';
import type { CheckName } from '../../src/import/model/check-names';
import { createApp } from '../../src/server/app';
import { DEFAULT_LIMITS, type Limits } from '../../src/server/limits';
import { type AuthSettings, DEFAULT_AUTH } from '../../src/auth/auth-settings';
import { SEEDS_DIR, registry } from './seeds';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
  extensions?: { sql?: string[] };
}

export interface ApiServer {
  origin: string;
  db: TestDatabase;
  /** A GraphQL POST; `token` is sent as `Authorization: Bearer <token>`. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * The real app over HTTP on an ephemeral port, backed by a fresh database
 * seeded by the real importer from seeds/.
 */
export interface ApiServerOptions {
  /** Report each request's SQL in `extensions.sql`. */
  exposeSql?: boolean;
  /** Further documents (fixtures) imported after the seeds. */
  alsoImport?: string[];
  /** Checks allowed for `alsoImport`, as `npm run import -- --allow …` would. */
  allow?: readonly CheckName[];
  /** Limits other than the defaults, for tests that batch many questions into one request on purpose. */
  limits?: Partial<Limits>;
  /** Auth settings other than the defaults (anonymous reads, rate limits, OIDC). */
  auth?: Partial<AuthSettings>;
}

/**
 * Rate limits are off unless a test sets them: suites send hundreds of requests a minute from one
 * address on purpose (fuzzing, attacks); test/auth/rate-limit.test.ts tests the limits themselves.
 */
const TEST_AUTH = (auth: Partial<AuthSettings> = {}): AuthSettings => ({ ...DEFAULT_AUTH, keyRequestsPerMinute: 0, anonymousRequestsPerMinute: 0, ...auth });

export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const db = await createTestDatabase();
  await seedIfEmpty(db.dataSource, SEEDS_DIR);
  // Further documents (fixtures) after the seeds, through the same importer.
  if (options.alsoImport?.length) await importFiles(db.dataSource, options.alsoImport, registry, { allow: options.allow });
  const { app, apollo } = await createApp({ dataSource: db.dataSource, exposeSql: options.exposeSql, log: () => undefined, limits: { ...DEFAULT_LIMITS, ...options.limits }, auth: TEST_AUTH(options.auth) });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    db,
    async gql(query, variables, token) {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...(await response.json()) };
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await db.drop();
    },
  };
}
