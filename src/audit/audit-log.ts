import type { Principal, RequestOrigin } from '../graphql/principal';
import { AuditDecision } from './audit.entity';

/** Anything that runs a parameterised statement: a transaction's EntityManager, a DataSource, a pg pool. */
export interface Queryable {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

export interface AuditRecord {
  action: string;
  decision: AuditDecision;
  rule?: string | null;
  reason?: string | null;
  target?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one row to the audit trail. A write passes its transaction, so
 * the row and the change commit or roll back together; a refusal, which
 * changes nothing, passes the pool.
 */
export async function appendAudit(db: Queryable, principal: Principal, origin: RequestOrigin, record: AuditRecord): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (account_id, key_prefix, actor, action, decision, rule, reason, target, before, after, request_id, client_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12)`,
    [
      principal.accountId,
      principal.keyPrefix,
      principal.name,
      record.action,
      record.decision,
      record.rule ?? null,
      record.reason ?? null,
      JSON.stringify(record.target ?? {}),
      record.before === undefined ? null : JSON.stringify(record.before),
      record.after === undefined ? null : JSON.stringify(record.after),
      origin.requestId,
      origin.clientAddress,
    ],
  );
}
