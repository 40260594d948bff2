import { GraphQLError } from 'graphql';

/**
 * The client asked for something we will not do (a page of 500, a malformed
 * cursor). Stable code BAD_USER_INPUT, message says what the limit is.
 */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}
