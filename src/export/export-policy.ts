import { type Who, decide } from '../auth/policy';
import type { RequestContext } from '../graphql/context';
import { ForbiddenError } from '../graphql/errors';
import type { LedgerParams } from './ledger-request';

/**
 * Who may export which ledger: the one place the export route and the
 * GraphQL field `ledgerExport` ask. A ledger is the public record in the
 * office's layout, so it is the policy's `read` — whatever a read of the same
 * tasks may see (the route has already passed the door: credential, rate limit).
 */
export function authorizeExport(context: RequestContext, _params: LedgerParams): void {
  const decision = decide(context.principal.role as Who, 'read');
  if (!decision.allowed) throw new ForbiddenError('read', decision.rule, decision.reason);
}
