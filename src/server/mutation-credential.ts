import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { appendAudit } from '../audit/audit-log';
import { AuditDecision } from '../audit/audit.entity';
import type { RequestContext } from '../graphql/context';
import { AuthenticationError } from '../graphql/errors';

/**
 * Reads may be anonymous (DUBAN_ANONYMOUS_READS); writes never are. Checked
 * once the operation is known and before anything runs, so an anonymous
 * mutation is a 401 UNAUTHENTICATED naming what to send, and one audit row.
 */
export function mutationsNeedCredentialPlugin(dataSource: DataSource): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation' || contextValue.principal.authenticatedBy !== 'NONE') return;
          const fields = operation.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : '…')).join(', ');
          const error = new AuthenticationError(`Mutations need a credential (${fields}): send Authorization: Bearer <API key or token>.`);
          await appendAudit(dataSource, contextValue.principal, contextValue.origin, {
            action: 'mutation',
            decision: AuditDecision.REFUSED,
            rule: 'credential',
            reason: error.message,
            target: { mutation: fields },
          });
          throw error;
        },
      };
    },
  };
}
