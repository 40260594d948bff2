import type { RequestContext } from '../graphql/context';
import { sql } from '../graphql/sql';
import { normaliseUnitName } from '../import/unit-name-normalise';
import { UnitModel, type UnitRow } from '../unit/unit.type';

const u = sql.identifier('u');
const ua = sql.identifier('ua');
const n = sql.identifier('n');

export interface NamedUnit {
  unit: UnitModel;
  jurisdictionId: number;
}

/**
 * Units by canonical name or alias, batched (both ends of a path in one
 * statement), with the same rule as Query.unit: an exact canonical name wins
 * over an alias. Null for a name that matches none.
 */
export function loadUnitByName(ctx: RequestContext, name: string): Promise<NamedUnit | null> {
  return ctx
    .loader<string, NamedUnit | null>('graph.unitByName', async (names) => {
      const rows = await ctx.query<UnitRow & { key: string; jurisdiction_id: number }>(
        sql`SELECT ${n}.key, ${u}.id, ${u}.name, ${u}.kind, ${u}.needs_review, ${u}.jurisdiction_id
         FROM unnest(${sql.value(names.map(normaliseUnitName), 'text[]')}) AS ${n}(key)
         CROSS JOIN LATERAL (
           SELECT * FROM unit ${u}
           WHERE ${u}.name = ${n}.key OR EXISTS (SELECT 1 FROM unit_alias ${ua} WHERE ${ua}.unit_id = ${u}.id AND ${ua}.alias = ${n}.key)
           ORDER BY (${u}.name = ${n}.key) DESC, ${u}.id LIMIT 1
         ) ${u}`,
      );
      const found = new Map(rows.map((r) => [r.key, { unit: UnitModel.fromRow(r), jurisdictionId: r.jurisdiction_id }]));
      return names.map((n) => found.get(normaliseUnitName(n)) ?? null);
    })
    .load(name);
}
