import { BadUserInputError } from '../graphql/errors';

/** Checks a client's ISO date (YYYY-MM-DD, a real calendar day); a wrong one is the client's mistake. */
export function checkIsoDate(value: string | null | undefined, argument: string): string | null {
  if (value == null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== value) {
    throw new BadUserInputError(`${argument} must be a calendar date written YYYY-MM-DD (e.g. 2024-06-30), got “${value}”`, argument);
  }
  return value;
}
