import { BadUserInputError } from '../graphql/errors';
import { MAX_FILTER_DEPTH, type Sql, and, or, sql } from './sql';

interface Combinable<W> {
  AND?: W[];
  OR?: W[];
  NOT?: W;
}

/**
 * AND / OR / NOT around the field conditions of one *Where input, shared by
 * every filter type. AND [] is true, OR [] is false; all fields of one input
 * must hold together.
 */
export function booleanWhereSql<W extends Combinable<W>>(
  where: W,
  depth: number,
  fields: (where: W) => Sql[],
  recurse: (where: W, depth: number) => Sql,
): Sql {
  if (depth > MAX_FILTER_DEPTH) throw new BadUserInputError(`Filters may nest AND/OR/NOT at most ${MAX_FILTER_DEPTH} levels deep.`, 'where');
  const parts = fields(where);
  if (where.AND) parts.push(and(where.AND.map((w) => sql`(${recurse(w, depth + 1)})`)));
  if (where.OR) parts.push(or(where.OR.map((w) => sql`(${recurse(w, depth + 1)})`)));
  if (where.NOT) parts.push(sql`NOT (${recurse(where.NOT, depth + 1)})`);
  return and(parts);
}
