import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * POST /graphql takes queries and mutations; subscriptions are served as
 * streams at /graphql/stream (event-stream-route.ts). Apollo Server would
 * otherwise fail one at execution with an internal error; this makes it the
 * client's mistake, a 400 that says where to go.
 */
export function SubscriptionsOnStreamRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription') {
        context.reportError(new GraphQLError('Subscriptions are served at /graphql/stream (GraphQL over Server-Sent Events); POST /graphql takes queries and mutations.', { nodes: node }));
      }
    },
  };
}
