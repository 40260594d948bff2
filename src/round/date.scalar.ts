import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/**
 * A calendar date without a time zone, `YYYY-MM-DD`: graphql-scalars'
 * LocalDate checks (a real day: 2024-02-30 is refused as BAD_USER_INPUT), under
 * the name the workflow's API uses. A JS Date would turn a due date into a
 * midnight in some zone, and a day early or late in another.
 */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (2024-06-30), with no time zone.',
});
