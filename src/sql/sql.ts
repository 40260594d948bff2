import { createHash } from 'node:crypto';
import type { IntFilter, StringFilter } from '../graphql/filters.inputs';

/**
 * SQL as values. A fragment is an immutable list of text pieces and bound
 * values; `$n` placeholders are numbered only when a whole statement is
 * compiled, so one fragment (a filter, say) can appear in a page and in its
 * count, or twice in one statement, and fragments never depend on the order
 * in which they were built. User text only ever travels as a bound value.
 *
 * Why not pg-sql2 (PostGraphile's own): its current line (5.x) requires
 * Node ≥ 22 and we run on Node 20; the 4.x line is PostGraphile 4's legacy.
 * What we need is ~100 lines: a tagged template, identifiers, values with a
 * checked cast, join, and a compile step that numbers placeholders.
 */
export class Sql {
  /** @internal text pieces and values, alternating as `text[0] value[0] text[1] …` */
  constructor(
    readonly text: readonly string[],
    readonly values: readonly Param[],
  ) {}
}

interface Param {
  value: unknown;
  cast: string | null;
}

/** A compiled statement: stable text for a given query shape, plus its bind values. */
export interface Compiled {
  text: string;
  values: unknown[];
}

const CAST = /^[a-z_][a-z0-9_]*(\[\])?$/;
const IDENT = /^[a-z_][a-z0-9_]*$/;

function build(strings: readonly string[], parts: readonly unknown[]): Sql {
  const text: string[] = [strings[0]];
  const values: Param[] = [];
  parts.forEach((part, i) => {
    if (part instanceof Sql) {
      text[text.length - 1] += part.text[0];
      for (let j = 0; j < part.values.length; j++) {
        values.push(part.values[j]);
        text.push(part.text[j + 1]);
      }
    } else {
      values.push({ value: part, cast: null });
      text.push('');
    }
    text[text.length - 1] += strings[i + 1];
  });
  return new Sql(text, values);
}

/**
 * sql`…${x}…`: an interpolated Sql fragment is spliced in, anything else
 * becomes a bound value (never text).
 */
export function sql(strings: TemplateStringsArray, ...parts: unknown[]): Sql {
  return build(strings, parts);
}

/** A bound value with an explicit cast, for when PostgreSQL cannot infer the type (arrays, enums). */
sql.value = (value: unknown, cast?: string): Sql => {
  if (cast != null && !CAST.test(cast)) throw new Error(`not a type name: ${cast}`);
  return new Sql(['', ''], [{ value, cast: cast ?? null }]);
};

/**
 * A checked identifier (table alias, column): only plain lower-case names
 * are allowed, so it is safe to splice and keeps the statement text
 * readable in logs and snapshots.
 */
sql.identifier = (...names: string[]): Sql => {
  for (const name of names) if (!IDENT.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return new Sql([names.join('.')], []);
};

/** Trusted text written in our own code (a keyword, an operator). Never pass user input. */
sql.raw = (text: string): Sql => new Sql([text], []);

sql.join = (parts: readonly Sql[], separator: string): Sql => {
  if (parts.length === 0) return EMPTY;
  const strings = [''];
  for (let i = 1; i < parts.length; i++) strings.push(separator);
  strings.push('');
  return build(strings, parts);
};

const EMPTY = new Sql([''], []);
export const TRUE = sql.raw('TRUE');
export const FALSE = sql.raw('FALSE');
sql.empty = EMPTY;

const isTrue = (s: Sql) => s === TRUE || (s.values.length === 0 && s.text[0] === 'TRUE');

export function and(parts: readonly Sql[]): Sql {
  const real = parts.filter((p) => !isTrue(p));
  return real.length === 0 ? TRUE : real.length === 1 ? real[0] : sql`(${sql.join(real, ' AND ')})`;
}

export function or(parts: readonly Sql[]): Sql {
  return parts.length === 0 ? FALSE : parts.length === 1 ? parts[0] : sql`(${sql.join(parts, ' OR ')})`;
}

/** Numbers the placeholders: the text depends only on the fragment's shape, not on its values. */
export function compile(statement: Sql): Compiled {
  let text = statement.text[0];
  const values: unknown[] = [];
  statement.values.forEach((param, i) => {
    values.push(param.value);
    text += param.cast ? `$${i + 1}::${param.cast}` : `$${i + 1}`;
    text += statement.text[i + 1];
  });
  return { text, values };
}

/** A prepared-statement name derived from the text: the same shape gets the same plan on a connection. */
export function statementName(text: string): string {
  return `q_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A StringFilter against one or more columns: the filter holds when any of
 * `exprs` satisfies all its conditions. `normalise` maps the user's text
 * first (e.g. leader names lose their padding spaces).
 */
export function stringFilterSql(exprs: Sql[], filter: StringFilter, normalise: (text: string) => string = (t) => t): Sql {
  const conditions = (expr: Sql) => {
    const parts: Sql[] = [];
    if (filter.eq != null) parts.push(sql`${expr} = ${sql.value(normalise(filter.eq), 'text')}`);
    if (filter.in != null) parts.push(sql`${expr} = ANY(${sql.value(filter.in.map(normalise), 'text[]')})`);
    if (filter.contains != null) parts.push(sql`${expr} ILIKE ${sql.value(`%${escapeLike(normalise(filter.contains))}%`, 'text')}`);
    if (filter.startsWith != null) parts.push(sql`${expr} LIKE ${sql.value(`${escapeLike(normalise(filter.startsWith))}%`, 'text')}`);
    return and(parts);
  };
  return or(exprs.map(conditions));
}

export function intFilterSql(expr: Sql, filter: IntFilter): Sql {
  const parts: Sql[] = [];
  if (filter.eq != null) parts.push(sql`${expr} = ${sql.value(filter.eq, 'int')}`);
  if (filter.in != null) parts.push(sql`${expr} = ANY(${sql.value(filter.in, 'int[]')})`);
  if (filter.gt != null) parts.push(sql`${expr} > ${sql.value(filter.gt, 'int')}`);
  if (filter.gte != null) parts.push(sql`${expr} >= ${sql.value(filter.gte, 'int')}`);
  if (filter.lt != null) parts.push(sql`${expr} < ${sql.value(filter.lt, 'int')}`);
  if (filter.lte != null) parts.push(sql`${expr} <= ${sql.value(filter.lte, 'int')}`);
  return and(parts);
}

/** eq / in on an enum column; `type` is the enum's SQL type name (checked). */
export function enumFilterSql(expr: Sql, filter: { eq?: string; in?: string[] }, type: string): Sql {
  const parts: Sql[] = [];
  if (filter.eq != null) parts.push(sql`${expr} = ${sql.value(filter.eq, type)}`);
  if (filter.in != null) parts.push(sql`${expr} = ANY(${sql.value(filter.in, `${type}[]`)})`);
  return and(parts);
}

/** Nesting guard for AND/OR/NOT trees: deep trees are a denial of service, not a question. */
export const MAX_FILTER_DEPTH = 8;
