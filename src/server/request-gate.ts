import type http from 'node:http';
import type { DataSource } from 'typeorm';
import { appendAudit } from '../audit/audit-log';
import { AuditDecision } from '../audit/audit.entity';
import type { Authenticator } from '../auth/authenticate';
import type { RateLimits } from '../auth/rate-limit';
import { AuthenticationError } from '../graphql/errors';
import { ANONYMOUS, type Principal, type RequestOrigin } from '../graphql/principal';
import { isConnectionError } from '../sql/database-errors';
import { send } from './http-errors';
import type { Logger } from './logger';

export interface Admitted {
  principal: Principal;
  origin: RequestOrigin;
}

/**
 * The door every API request passes, whatever its route: who is asking
 * (authenticate.ts) and whether they are within their rate (rate-limit.ts).
 * A refused request is answered here — 401 UNAUTHENTICATED with
 * WWW-Authenticate, 429 RATE_LIMITED with Retry-After, 503 when the
 * database cannot say — and undefined is returned; a refused credential is
 * one row of the audit trail.
 */
export type RequestGate = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<Admitted | undefined>;

export function requestGate({ dataSource, authenticator, rateLimits, logger }: { dataSource: DataSource; authenticator: Authenticator; rateLimits: RateLimits; logger: Logger }): RequestGate {
  return async (req, res) => {
    const origin: RequestOrigin = { requestId: (res.getHeader('x-request-id') as string | undefined) ?? null, clientAddress: req.socket.remoteAddress ?? null };
    try {
      let principal: Principal;
      try {
        principal = await authenticator.authenticate(req.headers.authorization);
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        // Counted against the address, so guessing keys is rate-limited like any anonymous request.
        const rate = await rateLimits.consume(ANONYMOUS, origin.clientAddress);
        if (!rate.allowed) return tooMany(res, rate.retryAfterSeconds, rate.limit, rate.bucket), undefined;
        await appendAudit(dataSource, ANONYMOUS, origin, { action: 'authenticate', decision: AuditDecision.REFUSED, rule: 'credential', reason: error.message });
        send(res, 401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer realm="duban"' });
        return undefined;
      }
      const rate = await rateLimits.consume(principal, origin.clientAddress);
      if (!rate.allowed) return tooMany(res, rate.retryAfterSeconds, rate.limit, rate.bucket), undefined;
      return { principal, origin };
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      logger.warn({ err: error }, 'cannot check credentials: database unreachable');
      send(res, 503, 'DATABASE_UNAVAILABLE', 'The database is unavailable (credentials cannot be checked); retry shortly.', { 'retry-after': '1' });
      return undefined;
    }
  };
}

function tooMany(res: http.ServerResponse, retryAfter: number, limit: number, bucket: string): void {
  send(res, 429, 'RATE_LIMITED', `Too many requests: the limit is ${limit} a minute for ${bucket}; retry in ${retryAfter} s.`, { 'retry-after': String(retryAfter) });
}
