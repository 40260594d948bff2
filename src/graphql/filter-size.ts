import { limitsFromEnv } from '../server/limits';
import { BadUserInputError } from './errors';

/**
 * Conditions a filter compiles to, counted on the argument value as the
 * resolver receives it, i.e. after variables are expanded: one variable
 * holding a large TaskWhere, referenced 300 times inside an OR list, is a
 * 25 KB request that compiles to 300,000 SQL conditions. Counting here needs
 * nothing from the SQL compilers: every scalar or enum leaf is one condition
 * (a list of scalars, as in `in: [...]`, is one parameter and one condition),
 * every nested object is the sum of its parts.
 */
export function countFilterConditions(where: unknown): number {
  if (where === null || where === undefined) return 0;
  if (Array.isArray(where)) {
    if (where.every((item) => item === null || typeof item !== 'object')) return 1;
    let sum = 0;
    for (const item of where) sum += countFilterConditions(item);
    return sum;
  }
  if (typeof where === 'object') {
    let sum = 0;
    for (const value of Object.values(where as Record<string, unknown>)) sum += countFilterConditions(value);
    return sum;
  }
  return 1;
}

let configuredMax: number | undefined;

/** Refuses (BAD_USER_INPUT) a filter with more conditions than the limit, before any SQL is built. */
export function assertFilterSize(where: unknown, argument = 'where', max: number = (configuredMax ??= limitsFromEnv().maxFilterConditions)): void {
  if (where === null || where === undefined) return;
  const count = countFilterConditions(where);
  if (count > max) {
    throw new BadUserInputError(
      `\`${argument}\` has ${count} conditions after variables are expanded; the filter size limit is ${max} conditions (maxFilterConditions).`,
      argument,
    );
  }
}
