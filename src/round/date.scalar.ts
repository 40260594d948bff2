import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { BadUserInputError } from '../graphql/errors';

const LOCAL_DATE = GraphQLLocalDate.toConfig();

/** graphql-scalars' refusal carries no code, which the error formatter would take for a bug; a wrong date is the client's. */
function checked<A extends unknown[]>(parse: (...args: A) => unknown): (...args: A) => unknown {
  return (...args) => {
    try {
      return parse(...args);
    } catch (error) {
      throw new BadUserInputError(`${(error as Error).message}: a Date is written YYYY-MM-DD and names a real day (2024-06-30).`);
    }
  };
}

/**
 * A calendar date without a time zone, `YYYY-MM-DD`: graphql-scalars'
 * LocalDate checks (a real day: 2024-02-30 is refused), under the name the
 * workflow's API uses. A JS Date would turn a due date into a midnight in some
 * zone, and a day early or late in another.
 */
export const DateScalar = new GraphQLScalarType({
  ...LOCAL_DATE,
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (2024-06-30), with no time zone.',
  parseValue: checked(LOCAL_DATE.parseValue!),
  parseLiteral: checked(LOCAL_DATE.parseLiteral!),
});
