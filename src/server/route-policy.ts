import type { DataSource } from 'typeorm';
import { appendAudit } from '../audit/audit-log';
import { AuditDecision } from '../audit/audit.entity';
import { type Action, type Relation, type Who, decide } from '../auth/policy';
import { AuthenticationError, ForbiddenError } from '../graphql/errors';
import type { Admitted } from './request-gate';

/**
 * The policy for an HTTP route that is not a GraphQL field (uploads, downloads): the same
 * `decide()`, the same refusal (401 for an anonymous caller of what only accounts may do, else
 * 403 FORBIDDEN naming the action and rule) and one audit row per refusal, as the mutation
 * pipeline writes for a refused mutation.
 */
export async function authorizeRoute(dataSource: DataSource, { principal, origin }: Admitted, action: Action, target: Record<string, unknown>, relations?: ReadonlySet<Relation>): Promise<string> {
  const decision = decide(principal.role as Who, action, relations);
  if (decision.allowed) return decision.rule;
  const error =
    principal.authenticatedBy === 'NONE'
      ? new AuthenticationError(`${action} needs a credential: send Authorization: Bearer <API key or token>.`)
      : new ForbiddenError(action, decision.rule, decision.reason);
  await appendAudit(dataSource, principal, origin, { action, decision: AuditDecision.REFUSED, rule: principal.authenticatedBy === 'NONE' ? 'credential' : decision.rule, reason: error.message, target });
  throw error;
}
