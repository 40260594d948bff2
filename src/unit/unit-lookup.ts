import type { RequestContext } from '../graphql/context';
import { sql } from '../graphql/sql';
import { normaliseUnitName } from './unit-name-normalise';
import { jurisdictionArgumentSql, oneJurisdiction } from '../plan/jurisdiction-lookup';
import type { UnitRow } from './unit.type';

const u = sql.identifier('u');
const j = sql.identifier('j');
const m = sql.identifier('m');

/**
 * Query.unit: the unit with this canonical name or alias, in the given
 * jurisdiction or the only one that has it (several → BAD_USER_INPUT).
 * Per jurisdiction, the unit named so wins over the one aliased so.
 * Canonical names and aliases are matched in one UNION over their own name
 * indexes: `name = $1 OR EXISTS(alias)` kept the planner from starting there.
 */
export async function findUnitByName(ctx: RequestContext, name: string, jurisdiction: string | null): Promise<UnitRow | null> {
  const written = sql.value(normaliseUnitName(name), 'text');
  const rows = await ctx.query<UnitRow & { jurisdiction: string }>(
    sql`SELECT DISTINCT ON (${j}.id) ${u}.id, ${u}.name, ${u}.kind, ${u}.needs_review, ${j}.name AS jurisdiction
        FROM (SELECT id, 0 AS rank FROM unit WHERE name = ${written}
              UNION ALL SELECT unit_id, 1 FROM unit_alias WHERE alias = ${written}) ${m}
        JOIN unit ${u} ON ${u}.id = ${m}.id
        JOIN jurisdiction ${j} ON ${j}.id = ${u}.jurisdiction_id
        WHERE ${jurisdictionArgumentSql(j, jurisdiction)}
        ORDER BY ${j}.id, ${m}.rank, ${u}.id`,
  );
  return oneJurisdiction(rows, 'unit', name);
}
