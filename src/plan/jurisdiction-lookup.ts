import { BadUserInputError } from '../graphql/errors';

/**
 * SQL condition (on a `jurisdiction` row aliased `j`) for the optional
 * jurisdiction argument of a name lookup: the full name (重庆市渝中区) or its
 * district part (渝中区).
 */
export const JURISDICTION_ARGUMENT = `($2::text IS NULL OR j.name = $2 OR j.name LIKE '%' || $2)`;

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
