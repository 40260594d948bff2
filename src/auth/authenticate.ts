import { type JWTVerifyGetKey, createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { DataSource } from 'typeorm';
import { AuthenticationError } from '../graphql/errors';
import { ANONYMOUS, type Principal, principalScope } from '../graphql/principal';
import { looksLikeApiKey, parseApiKey, secretMatches } from './api-key-token';
import type { AuthSettings, OidcSettings } from './auth-settings';

interface AccountRow {
  account_id: number;
  name: string;
  role: string;
  unit_id: number | null;
  leader_id: number | null;
  jurisdiction_id: number | null;
  disabled: boolean;
}

interface KeyRow extends AccountRow {
  secret_hash: Buffer;
  expires_at: Date | null;
  revoked_at: Date | null;
}

const ACCOUNT_COLUMNS = `a.id AS account_id, a.name, a.role, a.unit_id, a.leader_id,
  COALESCE(a.jurisdiction_id, u.jurisdiction_id, l.jurisdiction_id) AS jurisdiction_id, a.disabled`;
const ACCOUNT_FROM = `account a LEFT JOIN unit u ON u.id = a.unit_id LEFT JOIN leader l ON l.id = a.leader_id`;

/** The authenticators of each database in this process, so a change made here reaches their caches at once. */
const authenticators = new WeakMap<DataSource, Set<Authenticator>>();

/** After a key was revoked or an account changed (and committed): this process stops trusting what it cached. */
export function forgetCredentials(dataSource: DataSource, prefix?: string): void {
  for (const authenticator of authenticators.get(dataSource) ?? []) authenticator.forget(prefix);
}

/**
 * Turns an Authorization header into a principal, or refuses it.
 *
 * A key's row is read again at most every `cacheMs`: the flagship query
 * costs PostgreSQL about as much as that lookup, and a dashboard polls with
 * the same key. Revocation and disabling reach this process at once when
 * done through it (`forget`), and other processes within `cacheMs`.
 * Expiry is checked on every request against the cached time.
 */
export class Authenticator {
  private readonly keys = new Map<string, { row: KeyRow | null; at: number }>();
  private readonly subjects = new Map<string, { row: AccountRow | null; at: number }>();
  private readonly jwks: JWTVerifyGetKey | null;

  constructor(
    private readonly dataSource: DataSource,
    readonly settings: AuthSettings,
  ) {
    // jose caches the key set and refetches it when a token names a key it does not know (rotation), at most every 30 s.
    this.jwks = settings.oidc ? createRemoteJWKSet(new URL(settings.oidc.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }) : null;
    let mine = authenticators.get(dataSource);
    if (!mine) authenticators.set(dataSource, (mine = new Set()));
    mine.add(this);
  }

  /** The principal of a request with this Authorization header (undefined: none sent). */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization === '') {
      if (!this.settings.anonymousReads) {
        throw new AuthenticationError('This server requires a credential for every request: send Authorization: Bearer <API key or token>.');
      }
      return ANONYMOUS;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new AuthenticationError('The Authorization header must read "Bearer <API key or token>".');
    const token = match[1];
    if (looksLikeApiKey(token)) return this.apiKey(token);
    if (token.split('.').length === 3) return this.jwt(token);
    throw new AuthenticationError('The credential is neither a duban API key nor a JWT.');
  }

  /** Drops what is cached of a key (revoked) or of every key (an account changed). */
  forget(prefix?: string): void {
    if (prefix === undefined) {
      this.keys.clear();
      this.subjects.clear();
    } else this.keys.delete(prefix);
  }

  private async apiKey(token: string): Promise<Principal> {
    const parsed = parseApiKey(token);
    if (!parsed) throw new AuthenticationError('The API key is malformed.');
    const row = await this.cached(this.keys, parsed.prefix, () =>
      this.dataSource
        .query(`SELECT k.secret_hash, k.expires_at, k.revoked_at, ${ACCOUNT_COLUMNS} FROM api_key k JOIN ${ACCOUNT_FROM} ON a.id = k.account_id WHERE k.prefix = $1`, [parsed.prefix])
        .then((rows: KeyRow[]) => rows[0] ?? null),
    );
    // One message for an unknown prefix and a wrong secret: which one it was would help a guesser.
    if (!row || !secretMatches(parsed.secret, row.secret_hash)) throw new AuthenticationError('The API key is not valid.');
    if (row.revoked_at) throw new AuthenticationError(`The API key ${parsed.prefix} was revoked.`);
    if (row.expires_at && row.expires_at.getTime() <= Date.now()) throw new AuthenticationError(`The API key ${parsed.prefix} expired at ${row.expires_at.toISOString()}.`);
    if (row.disabled) throw new AuthenticationError(`The account of API key ${parsed.prefix} is disabled.`);
    return principalOf(row, parsed.prefix, 'API_KEY');
  }

  private async jwt(token: string): Promise<Principal> {
    const oidc = this.settings.oidc;
    if (!oidc || !this.jwks) throw new AuthenticationError('This server accepts no JWTs (OIDC is not configured); use an API key.');
    const subject = await verifiedSubject(token, oidc, this.jwks);
    const row = await this.cached(this.subjects, subject, () =>
      this.dataSource.query(`SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM} WHERE a.oidc_subject = $1`, [subject]).then((rows: AccountRow[]) => rows[0] ?? null),
    );
    if (!row) throw new AuthenticationError('No account is bound to this identity; ask an administrator to create one.');
    if (row.disabled) throw new AuthenticationError('The account of this identity is disabled.');
    return principalOf(row, null, 'OIDC');
  }

  private async cached<T>(cache: Map<string, { row: T | null; at: number }>, key: string, load: () => Promise<T | null>): Promise<T | null> {
    const hit = cache.get(key);
    const now = Date.now();
    if (hit && now - hit.at < this.settings.cacheMs) return hit.row;
    const row = await load();
    // Bounded: a flood of made-up prefixes must not grow the cache without end.
    if (cache.size >= 10_000) cache.clear();
    cache.set(key, { row, at: now });
    return row;
  }
}

async function verifiedSubject(token: string, oidc: OidcSettings, jwks: JWTVerifyGetKey): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer: oidc.issuer, audience: oidc.audience, clockTolerance: 30 });
    const subject = payload[oidc.subjectClaim];
    if (typeof subject !== 'string' || subject === '') throw new AuthenticationError(`The token has no ${oidc.subjectClaim} claim.`);
    return subject;
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('The token has expired.');
    if (error instanceof joseErrors.JWTClaimValidationFailed) throw new AuthenticationError(`The token was not issued for this server (${error.claim} claim).`);
    if (error instanceof joseErrors.JOSEError) throw new AuthenticationError('The token is not valid (its signature does not verify with the identity provider’s keys).');
    // The key set could not be fetched: say so, without the provider's internals.
    throw new AuthenticationError('The identity provider’s keys could not be fetched; try again shortly.');
  }
}

function principalOf(row: AccountRow, keyPrefix: string | null, authenticatedBy: Principal['authenticatedBy']): Principal {
  const base = { accountId: row.account_id, role: row.role, unitId: row.unit_id, leaderId: row.leader_id, jurisdictionId: row.jurisdiction_id };
  return Object.freeze({ ...base, name: row.name, keyPrefix, authenticatedBy, scope: principalScope(base) });
}
