import { type Sql, and, sql } from './sql';

/** some / every / none over the rows a sub-select reaches from the outer row. */
export interface ListQuantifiers<W> {
  some?: W;
  every?: W;
  none?: W;
}

/**
 * Compiles a list filter to EXISTS sub-queries. `from` is the sub-select's
 * FROM … WHERE that ties the list to the outer row (its aliases are the
 * ones `compile` is given by the caller).
 * `every` is vacuously true for an empty list (as in Prisma): a task with no
 * co-units satisfies coUnits.every.
 */
export function listFilterSql<W>(from: Sql, filter: ListQuantifiers<W>, compile: (where: W) => Sql): Sql {
  const parts: Sql[] = [];
  if (filter.some) parts.push(sql`EXISTS (SELECT 1 ${from} AND ${compile(filter.some)})`);
  if (filter.none) parts.push(sql`NOT EXISTS (SELECT 1 ${from} AND ${compile(filter.none)})`);
  if (filter.every) parts.push(sql`NOT EXISTS (SELECT 1 ${from} AND NOT ${compile(filter.every)})`);
  return and(parts);
}
