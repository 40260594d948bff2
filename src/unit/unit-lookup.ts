import type { RequestContext } from '../graphql/context';
import { normaliseUnitName } from '../import/unit-name-normalise';
import { JURISDICTION_ARGUMENT, oneJurisdiction } from '../plan/jurisdiction-lookup';
import type { UnitRow } from './unit.type';

/**
 * Query.unit: the unit with this canonical name or alias, in the given
 * jurisdiction or the only one that has it (several → BAD_USER_INPUT).
 * Per jurisdiction, the unit named so wins over the one aliased so.
 */
export async function findUnitByName(ctx: RequestContext, name: string, jurisdiction: string | null): Promise<UnitRow | null> {
  const rows = await ctx.query<UnitRow & { jurisdiction: string }>(
    `SELECT DISTINCT ON (j.id) u.id, u.name, u.kind, u.needs_review, j.name AS jurisdiction FROM unit u JOIN jurisdiction j ON j.id = u.jurisdiction_id
     WHERE (u.name = $1 OR EXISTS (SELECT 1 FROM unit_alias ua WHERE ua.unit_id = u.id AND ua.alias = $1)) AND ${JURISDICTION_ARGUMENT}
     ORDER BY j.id, (u.name = $1) DESC, u.id`,
    [normaliseUnitName(name), jurisdiction],
  );
  return oneJurisdiction(rows, 'unit', name);
}
