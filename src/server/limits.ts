/**
 * Every limit a request meets, in one place, each overridable from the
 * environment. The README's "Limits" table lists these defaults; a refused
 * request's error names the limit and its value (times in milliseconds).
 */
export interface Limits {
  /** Nesting of selections (graphql-armor max-depth). */
  maxDepth: number;
  /** Aliased fields per operation (graphql-armor max-aliases). */
  maxAliases: number;
  /** Lexical tokens of the query document (graphql-js parse option). */
  maxTokens: number;
  /** HTTP body size, as Express's body-parser reads it ("100kb"). */
  maxBodyBytes: number;
  /** Body of one document upload (POST /documents): the file's bytes. */
  maxUploadBytes: number;
  /** Estimated cost: page sizes multiplied through nesting (see query-cost.ts). */
  maxCost: number;
  /** Conditions of one compiled filter, after variables are expanded. */
  maxFilterConditions: number;
  /** Wall time of one GraphQL request, checked before each SQL statement. */
  requestTimeoutMs: number;
  /** PostgreSQL statement_timeout of the API's connections. */
  statementTimeoutMs: number;
  /** Longest wait for a free pooled connection. */
  poolAcquireTimeoutMs: number;
  /** Connections in the API's pool. */
  poolSize: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 8,
  maxAliases: 15,
  maxTokens: 2000,
  maxBodyBytes: 100 * 1024,
  maxUploadBytes: 20 * 1024 * 1024,
  maxCost: 50000,
  maxFilterConditions: 200,
  requestTimeoutMs: 10000,
  statementTimeoutMs: 5000,
  poolAcquireTimeoutMs: 3000,
  poolSize: 10,
};

export const LIMIT_ENV: Record<keyof Limits, string> = {
  maxDepth: 'DUBAN_MAX_DEPTH',
  maxAliases: 'DUBAN_MAX_ALIASES',
  maxTokens: 'DUBAN_MAX_TOKENS',
  maxBodyBytes: 'DUBAN_MAX_BODY_BYTES',
  maxUploadBytes: 'DUBAN_MAX_UPLOAD_BYTES',
  maxCost: 'DUBAN_MAX_COST',
  maxFilterConditions: 'DUBAN_MAX_FILTER_CONDITIONS',
  requestTimeoutMs: 'DUBAN_REQUEST_TIMEOUT_MS',
  statementTimeoutMs: 'DUBAN_STATEMENT_TIMEOUT_MS',
  poolAcquireTimeoutMs: 'DUBAN_POOL_ACQUIRE_TIMEOUT_MS',
  poolSize: 'DUBAN_POOL_SIZE',
};

/** The defaults, overridden by DUBAN_* variables; a malformed value stops the start with its name. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof Limits)[]) {
    const raw = env[LIMIT_ENV[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${LIMIT_ENV[key]} must be a positive integer (got "${raw}")`);
    limits[key] = value;
  }
  return limits;
}
