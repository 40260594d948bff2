import { BadUserInputError } from '../graphql/errors';
import { type Sql, TRUE, sql } from '../sql/sql';

/**
 * Condition on a `jurisdiction` row for the optional jurisdiction argument of
 * a name lookup: the full name (重庆市渝中区) or its district part (渝中区).
 * The district part is compared as a suffix, not with LIKE, so a `%` or `_`
 * the user types is only text.
 */
export function jurisdictionArgumentSql(j: Sql, jurisdiction: string | null): Sql {
  if (jurisdiction == null) return TRUE;
  const value = sql.value(jurisdiction, 'text');
  return sql`(${j}.name = ${value} OR right(${j}.name, char_length(${value})) = ${value})`;
}

/**
 * A name that matches bodies of several jurisdictions is ambiguous: say so
 * instead of picking one.
 */
export function oneJurisdiction<R extends { jurisdiction: string }>(rows: R[], what: string, name: string): R | null {
  const jurisdictions = [...new Set(rows.map((r) => r.jurisdiction))];
  if (jurisdictions.length > 1) {
    throw new BadUserInputError(
      `${what} “${name}” exists in several jurisdictions (${jurisdictions.join(', ')}): pass jurisdiction to choose one`,
      'jurisdiction',
    );
  }
  return rows[0] ?? null;
}
