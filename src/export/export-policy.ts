import type { RequestContext } from '../graphql/context';
import type { LedgerParams } from './ledger-request';

/**
 * Who may export which ledger: the one place the export route and the
 * GraphQL field `ledgerExport` ask. An export is a read, so it follows what
 * a read of the same tasks may see; today every read is anonymous and
 * allowed, so this allows everything. Identity and roles (issue 16) wire this
 * to the policy: throw its FORBIDDEN / UNAUTHENTICATED error here, and the
 * route answers it in the house error shape (401/403).
 */
export function authorizeExport(_context: RequestContext, _params: LedgerParams): void {}
