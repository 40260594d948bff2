/**
 * Who is asking, as the policy (src/auth/policy.ts) reads it. Shared
 * machinery: the request context carries one, and whatever caches a value
 * derived from a request must key it by `scope` (below) as soon as that
 * value depends on the viewer (operation-memo.ts does).
 */
export interface Principal {
  /** null for an anonymous request. */
  accountId: number | null;
  /** The account's name, `anonymous`, or `cli:<os user>` for the server's own shell. */
  name: string;
  /** ADMIN, OFFICE, UNIT, LEADER or READER; ANONYMOUS without a credential; SYSTEM for the CLI. */
  role: string;
  unitId: number | null;
  leaderId: number | null;
  jurisdictionId: number | null;
  /** The API key's public prefix, or null (anonymous, a JWT, the CLI). */
  keyPrefix: string | null;
  /** How the request proved who it is. */
  authenticatedBy: 'API_KEY' | 'OIDC' | 'NONE' | 'SHELL';
  /**
   * Everything the policy reads of the principal, as one string: two
   * principals with the same scope get the same answers to the same query.
   */
  scope: string;
}

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  requestId: string | null;
  clientAddress: string | null;
}

export function principalScope(p: Omit<Principal, 'scope' | 'name' | 'keyPrefix' | 'authenticatedBy'>): string {
  return `${p.role}:${p.accountId ?? ''}:${p.unitId ?? ''}:${p.leaderId ?? ''}:${p.jurisdictionId ?? ''}`;
}

export const ANONYMOUS: Principal = Object.freeze({
  accountId: null,
  name: 'anonymous',
  role: 'ANONYMOUS',
  unitId: null,
  leaderId: null,
  jurisdictionId: null,
  keyPrefix: null,
  authenticatedBy: 'NONE',
  scope: 'ANONYMOUS::::',
});

/** The server's own shell (npm run import, npm run keys): trusted, as whoever can run it can read the database. */
export function shellPrincipal(user: string): Principal {
  return Object.freeze({
    accountId: null,
    name: `cli:${user}`,
    role: 'SYSTEM',
    unitId: null,
    leaderId: null,
    jurisdictionId: null,
    keyPrefix: null,
    authenticatedBy: 'SHELL',
    scope: 'SYSTEM::::',
  });
}
