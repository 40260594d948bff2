import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Principal } from '../graphql/principal';
import type { AuthSettings } from './auth-settings';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the next request would be allowed (Retry-After). */
  retryAfterSeconds: number;
  limit: number;
  bucket: string;
}

/**
 * Requests per minute per API key (or OIDC account), and per client address
 * for anonymous requests: one integration cannot starve the rest.
 *
 * rate-limiter-flexible keeps the counters in PostgreSQL (table rate_limit,
 * UNLOGGED, created by a migration), so two server processes on one
 * database share them and count as one. Once a bucket is spent, the process
 * refuses from memory until the minute is over instead of asking again.
 */
export class RateLimits {
  private readonly perKey: RateLimiterPostgres | null;
  private readonly anonymous: RateLimiterPostgres | null;

  constructor(dataSource: DataSource, private readonly settings: AuthSettings) {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const make = (points: number, keyPrefix: string) =>
      points > 0
        ? new RateLimiterPostgres({
            storeClient: pool,
            storeType: 'pool',
            tableName: 'rate_limit',
            tableCreated: true,
            clearExpiredByTimeout: false,
            keyPrefix,
            points,
            duration: 60,
            inMemoryBlockOnConsumed: points,
            inMemoryBlockDuration: 0,
          })
        : null;
    this.perKey = make(settings.keyRequestsPerMinute, 'key');
    this.anonymous = make(settings.anonymousRequestsPerMinute, 'anon');
  }

  async consume(principal: Principal, clientAddress: string | null): Promise<RateDecision> {
    const keyed = principal.accountId !== null;
    const limiter = keyed ? this.perKey : this.anonymous;
    const bucket = keyed ? (principal.keyPrefix ?? `account-${principal.accountId}`) : `address ${clientAddress ?? 'unknown'}`;
    const limit = keyed ? this.settings.keyRequestsPerMinute : this.settings.anonymousRequestsPerMinute;
    if (!limiter) return { allowed: true, retryAfterSeconds: 0, limit, bucket };
    try {
      await limiter.consume(bucket);
      return { allowed: true, retryAfterSeconds: 0, limit, bucket };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)), limit, bucket };
      throw refusal; // the store failed: the database's own error, handled as an outage
    }
  }
}
