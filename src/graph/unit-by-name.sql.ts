import type { RequestContext } from '../graphql/context';
import { sql } from '../graphql/sql';
import { normaliseUnitName } from '../unit/unit-name-normalise';
import { UnitModel, type UnitRow } from '../unit/unit.type';

const u = sql.identifier('u');
const m = sql.identifier('m');
const n = sql.identifier('n');

export interface NamedUnit {
  unit: UnitModel;
  jurisdictionId: number;
}

/**
 * Units by canonical name or alias, batched (both ends of a path in one
 * statement), with the rule and index-friendly shape of findUnitByName (src/unit/unit-lookup.ts)
 * (unit.loaders): the canonical name wins over an alias. Also gives the
 * jurisdiction, which a path needs. Null for a name that matches none.
 */
export function loadUnitByName(ctx: RequestContext, name: string): Promise<NamedUnit | null> {
  return ctx
    .loader<string, NamedUnit | null>('graph.unitByName', async (names) => {
      const rows = await ctx.query<UnitRow & { key: string; jurisdiction_id: number }>(
        sql`SELECT ${n}.key, ${u}.id, ${u}.name, ${u}.kind, ${u}.needs_review, ${u}.jurisdiction_id
         FROM unnest(${sql.value(names.map(normaliseUnitName), 'text[]')}) AS ${n}(key)
         CROSS JOIN LATERAL (
           SELECT ${u}.* FROM (SELECT id, 0 AS rank FROM unit WHERE name = ${n}.key
                               UNION ALL SELECT unit_id, 1 FROM unit_alias WHERE alias = ${n}.key) ${m}
           JOIN unit ${u} ON ${u}.id = ${m}.id
           ORDER BY ${m}.rank, ${u}.id LIMIT 1
         ) ${u}`,
      );
      const found = new Map(rows.map((r) => [r.key, { unit: UnitModel.fromRow(r), jurisdictionId: r.jurisdiction_id }]));
      return names.map((n) => found.get(normaliseUnitName(n)) ?? null);
    })
    .load(name);
}
