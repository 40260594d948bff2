import type { RequestContext } from '../graphql/context';
import { groupBy } from '../graphql/context';
import { sql } from '../sql/sql';
import { jurisdictionArgumentSql, oneJurisdiction } from '../plan/jurisdiction-lookup';
import { normaliseUnitName } from './unit-name-normalise';
import type { UnitRow } from './unit.type';
import { unitColumns } from './unit-json.sql';

const u = sql.identifier('u');
const j = sql.identifier('j');
const m = sql.identifier('m');
const n = sql.identifier('n');

/** A unit found by name, with the jurisdiction it belongs to. */
export interface NamedUnitRow extends UnitRow {
  jurisdiction_id: number;
  jurisdiction: string;
}

/**
 * The units a name means: per jurisdiction that has it, the unit named so,
 * else the one aliased so. Batched (both ends of a unitPath in one
 * statement). Canonical names and aliases are matched in one UNION over
 * their own name indexes: `name = $1 OR EXISTS(alias)` kept the planner from
 * starting there.
 */
export function loadUnitsNamed(ctx: RequestContext, name: string, jurisdiction: string | null): Promise<NamedUnitRow[]> {
  return ctx
    .loader<string, NamedUnitRow[]>(`unit.byName:${jurisdiction ?? ''}`, async (names) => {
      const keys = names.map(normaliseUnitName);
      const rows = await ctx.query<NamedUnitRow & { key: string }>(
        sql`SELECT DISTINCT ON (${n}.key, ${j}.id) ${n}.key, ${unitColumns(u)}, ${u}.jurisdiction_id, ${j}.name AS jurisdiction
            FROM unnest(${sql.value(keys, 'text[]')}) AS ${n}(key)
            CROSS JOIN LATERAL (SELECT id, 0 AS rank FROM unit WHERE name = ${n}.key
                                UNION ALL SELECT unit_id, 1 FROM unit_alias WHERE alias = ${n}.key) ${m}
            JOIN unit ${u} ON ${u}.id = ${m}.id
            JOIN jurisdiction ${j} ON ${j}.id = ${u}.jurisdiction_id
            WHERE ${jurisdictionArgumentSql(j, jurisdiction)}
            ORDER BY ${n}.key, ${j}.id, ${m}.rank, ${u}.id`,
      );
      return groupBy(keys, rows, (r) => r.key);
    })
    .load(name);
}

/**
 * Query.unit: the unit with this canonical name or alias, in the given
 * jurisdiction or the only one that has it (several → BAD_USER_INPUT).
 */
export async function findUnitByName(ctx: RequestContext, name: string, jurisdiction: string | null): Promise<NamedUnitRow | null> {
  return oneJurisdiction(await loadUnitsNamed(ctx, name, jurisdiction), 'unit', name);
}
