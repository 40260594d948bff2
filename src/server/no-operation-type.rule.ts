import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * An operation type the schema does not have (subscription, before issue 18) is the
 * client's mistake and must fail validation. graphql-js 16 only notices at
 * execution time and throws a plain Error, which reached clients as
 * INTERNAL_SERVER_ERROR. (graphql-js 17 has this as KnownOperationTypesRule.)
 * Mutations exist and need a credential (mutation-credential.ts).
 */
export function NoOperationTypeRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      if (!root) {
        context.reportError(new GraphQLError(`The duban API has no ${node.operation} operations; use a query or a mutation.`, { nodes: node }));
      }
    },
  };
}
