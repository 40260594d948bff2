import type { IntFilter, StringFilter } from './filters.inputs';

/** Collects bind parameters while a WHERE clause is compiled: user text never becomes SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, with a cast when PostgreSQL cannot infer the type. */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

export function and(parts: string[]): string {
  const real = parts.filter((p) => p !== 'TRUE');
  return real.length === 0 ? 'TRUE' : real.length === 1 ? real[0] : `(${real.join(' AND ')})`;
}

export function or(parts: string[]): string {
  return parts.length === 0 ? 'FALSE' : parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A StringFilter against one or more columns: the filter holds when any of
 * `exprs` satisfies all its conditions (a unit name matches its canonical
 * name or any alias). `normalise` maps the user's text first (e.g. leader
 * names lose their padding spaces).
 */
export function stringFilterSql(
  exprs: string[],
  filter: StringFilter,
  params: SqlParams,
  normalise: (text: string) => string = (t) => t,
): string {
  const conditions = (expr: string) => {
    const parts: string[] = [];
    if (filter.eq != null) parts.push(`${expr} = ${params.add(normalise(filter.eq))}`);
    if (filter.in != null) parts.push(`${expr} = ANY(${params.add(filter.in.map(normalise), 'text[]')})`);
    if (filter.contains != null) parts.push(`${expr} ILIKE ${params.add(`%${escapeLike(normalise(filter.contains))}%`)}`);
    if (filter.startsWith != null) parts.push(`${expr} LIKE ${params.add(`${escapeLike(normalise(filter.startsWith))}%`)}`);
    return and(parts);
  };
  return or(exprs.map(conditions));
}

export function intFilterSql(expr: string, filter: IntFilter, params: SqlParams): string {
  const parts: string[] = [];
  if (filter.eq != null) parts.push(`${expr} = ${params.add(filter.eq, 'int')}`);
  if (filter.in != null) parts.push(`${expr} = ANY(${params.add(filter.in, 'int[]')})`);
  if (filter.gt != null) parts.push(`${expr} > ${params.add(filter.gt, 'int')}`);
  if (filter.gte != null) parts.push(`${expr} >= ${params.add(filter.gte, 'int')}`);
  if (filter.lt != null) parts.push(`${expr} < ${params.add(filter.lt, 'int')}`);
  if (filter.lte != null) parts.push(`${expr} <= ${params.add(filter.lte, 'int')}`);
  return and(parts);
}

/** eq / in on an enum column. */
export function enumFilterSql(expr: string, filter: { eq?: string; in?: string[] }, params: SqlParams, type: string): string {
  const parts: string[] = [];
  if (filter.eq != null) parts.push(`${expr} = ${params.add(filter.eq, type)}`);
  if (filter.in != null) parts.push(`${expr} = ANY(${params.add(filter.in, `${type}[]`)})`);
  return and(parts);
}

/** Nesting guard for AND/OR/NOT trees: deep trees are a denial of service, not a question. */
export const MAX_FILTER_DEPTH = 8;
