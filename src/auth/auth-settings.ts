/**
 * How the API tells who is asking, from the environment (README
 * "Accounts and keys"). Malformed values stop the start with their name.
 */
export interface AuthSettings {
  /** Reads without a credential; writes always need one. DUBAN_ANONYMOUS_READS, default true. */
  anonymousReads: boolean;
  /** How long a verified key or token's account is trusted before it is read again (revocation reaches other processes within this). */
  cacheMs: number;
  /** Requests per minute per API key or OIDC account; 0 turns the limit off. */
  keyRequestsPerMinute: number;
  /** Requests per minute per client address without a credential; 0 turns the limit off. */
  anonymousRequestsPerMinute: number;
  /** OpenID Connect / JWT: off unless an issuer is configured. */
  oidc: OidcSettings | null;
}

export interface OidcSettings {
  issuer: string;
  audience: string;
  /** The identity provider's key set; default `<issuer>/.well-known/jwks.json`. */
  jwksUrl: string;
  /** The claim naming the account (matched with account.oidc_subject). */
  subjectClaim: string;
}

export const DEFAULT_AUTH: AuthSettings = {
  anonymousReads: true,
  cacheMs: 2000,
  keyRequestsPerMinute: 1200,
  anonymousRequestsPerMinute: 600,
  oidc: null,
};

export const AUTH_ENV = {
  anonymousReads: 'DUBAN_ANONYMOUS_READS',
  cacheMs: 'DUBAN_AUTH_CACHE_MS',
  keyRequestsPerMinute: 'DUBAN_RATE_LIMIT_PER_KEY',
  anonymousRequestsPerMinute: 'DUBAN_RATE_LIMIT_ANONYMOUS',
  issuer: 'DUBAN_OIDC_ISSUER',
  audience: 'DUBAN_OIDC_AUDIENCE',
  jwksUrl: 'DUBAN_OIDC_JWKS_URL',
  subjectClaim: 'DUBAN_OIDC_SUBJECT_CLAIM',
} as const;

export function authFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const count = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, 0 or more (got "${raw}")`);
    return value;
  };
  const flag = env[AUTH_ENV.anonymousReads];
  if (flag !== undefined && flag !== '' && flag !== 'true' && flag !== 'false') {
    throw new Error(`${AUTH_ENV.anonymousReads} must be true or false (got "${flag}")`);
  }
  const issuer = env[AUTH_ENV.issuer];
  let oidc: OidcSettings | null = null;
  if (issuer) {
    const audience = env[AUTH_ENV.audience];
    if (!audience) throw new Error(`${AUTH_ENV.audience} must be set when ${AUTH_ENV.issuer} is (tokens for other audiences are refused)`);
    oidc = {
      issuer,
      audience,
      jwksUrl: env[AUTH_ENV.jwksUrl] || `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
      subjectClaim: env[AUTH_ENV.subjectClaim] || 'sub',
    };
  }
  return {
    anonymousReads: flag !== 'false',
    cacheMs: count(AUTH_ENV.cacheMs, DEFAULT_AUTH.cacheMs),
    keyRequestsPerMinute: count(AUTH_ENV.keyRequestsPerMinute, DEFAULT_AUTH.keyRequestsPerMinute),
    anonymousRequestsPerMinute: count(AUTH_ENV.anonymousRequestsPerMinute, DEFAULT_AUTH.anonymousRequestsPerMinute),
    oidc,
  };
}
