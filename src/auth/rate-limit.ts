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
 *
 * A process takes its points from PostgreSQL in leases of a twentieth of the
 * limit (1 for limits under 40) and spends them from memory until the lease
 * is used or its minute ends: an upsert on one hot row per request doubled
 * the flagship's statements and serialised concurrent requests of one key.
 * The price: a process may hold up to one unused lease, so another may be
 * refused up to that many requests early — 5% of the limit per process.
 */
export class RateLimits {
  private readonly perKey: RateLimiterPostgres | null;
  private readonly anonymous: RateLimiterPostgres | null;
  private readonly leases = new Map<string, { left: number; until: number }>();
  private readonly refills = new Map<string, Promise<RateDecision>>();

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
    const key = `${keyed ? 'key' : 'anon'}:${bucket}`;
    for (;;) {
      const lease = this.leases.get(key);
      if (lease && lease.until > Date.now() && lease.left > 0) {
        lease.left--;
        return { allowed: true, retryAfterSeconds: 0, limit, bucket };
      }
      // Requests that find the lease spent wait for one refill instead of each asking PostgreSQL.
      const pending = this.refills.get(key);
      if (pending) {
        const decision = await pending;
        if (!decision.allowed) return decision;
        continue;
      }
      const refill = this.refill(limiter, key, bucket, limit);
      this.refills.set(key, refill);
      try {
        const decision = await refill;
        if (!decision.allowed) return decision;
      } finally {
        this.refills.delete(key);
      }
    }
  }

  private async refill(limiter: RateLimiterPostgres, key: string, bucket: string, limit: number): Promise<RateDecision> {
    const size = Math.max(1, Math.floor(limit / 20));
    try {
      const taken = await limiter.consume(bucket, size);
      this.leases.set(key, { left: size, until: Date.now() + taken.msBeforeNext });
      if (this.leases.size > 10_000) this.leases.clear();
      return { allowed: true, retryAfterSeconds: 0, limit, bucket };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)), limit, bucket };
      throw refusal; // the store failed: the database's own error, handled as an outage
    }
  }
}
