import type { DataSource } from 'typeorm';
import { RequestContext } from '../graphql/context';
import type { Principal, RequestOrigin } from '../graphql/principal';
import type { Compiled, Sql } from '../sql/sql';
import { RequestTimeoutError } from '../graphql/errors';

/**
 * The request context with a deadline: every SQL statement first checks that
 * the request is still within its execution timeout, so a query that fans out
 * into many statements stops at the limit instead of running for minutes.
 * One statement is bounded by PostgreSQL's statement_timeout (src/db).
 */
export class TimedRequestContext extends RequestContext {
  constructor(
    dataSource: DataSource,
    private readonly deadline: number,
    private readonly timeoutMs: number,
    principal?: Principal,
    origin?: RequestOrigin,
  ) {
    super(dataSource, principal, origin);
  }

  override query<T = Record<string, unknown>>(statement: Sql | Compiled | string, params: unknown[] = []): Promise<T[]> {
    if (Date.now() > this.deadline) return Promise.reject(new RequestTimeoutError('requestTimeoutMs', this.timeoutMs));
    return super.query<T>(statement, params);
  }
}
