import { GraphQLError } from 'graphql';

/**
 * The client asked for something we will not do (a page of 500, a malformed
 * cursor). Stable code BAD_USER_INPUT, message says what the limit is.
 */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}

/** The request ran past its time limit; the message names the limit in milliseconds. */
export class RequestTimeoutError extends GraphQLError {
  constructor(limit: 'requestTimeoutMs' | 'statementTimeoutMs', ms: number) {
    const what = limit === 'requestTimeoutMs' ? 'the request execution timeout' : 'the PostgreSQL statement_timeout';
    super(`The query ran longer than ${what} of ${ms} ms (${limit}). Ask for less (smaller pages, fewer nested lists).`, {
      extensions: { code: 'QUERY_TIMEOUT', limit, max: ms, http: { status: 503 } },
    });
  }
}

/**
 * The database cannot be reached (restarting, pool exhausted). Clients may
 * retry: the code is stable and the HTTP status is 503 with Retry-After.
 */
export class DatabaseUnavailableError extends GraphQLError {
  constructor(detail: string) {
    super(`The database is unavailable (${detail}); retry shortly.`, {
      extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true, http: { status: 503 } },
    });
  }
}

/**
 * No credential where one is needed, or one that does not hold (unknown,
 * revoked, expired, forged). HTTP 401; the message says which, never whose.
 */
export class AuthenticationError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="duban"']]) } } });
  }
}

/**
 * A valid principal asked for something the policy does not allow. The
 * message names the action and the rule that decided (README "Policy"),
 * and says nothing of whether a hidden object exists.
 */
export class ForbiddenError extends GraphQLError {
  constructor(action: string, rule: string, reason: string) {
    super(`Not allowed to ${action}: ${reason} (policy rule ${rule}).`, { extensions: { code: 'FORBIDDEN', action, rule, http: { status: 403 } } });
  }
}
