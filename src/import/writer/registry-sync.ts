import type { EntityManager } from 'typeorm';
import type { UnitRegistry } from '../registry/unit-registry';

/**
 * Makes the database hold every registry unit and alias of the jurisdiction.
 * Idempotent: re-running with the same registry changes nothing; a kind
 * changed in review is updated, and a flagged unit that the registry now
 * knows is no longer flagged.
 */
export async function syncRegistry(em: EntityManager, jurisdictionId: number, registry: UnitRegistry): Promise<void> {
  const entries = registry.entries;
  await em.query(
    `INSERT INTO unit (jurisdiction_id, name, kind, needs_review)
     SELECT $1::int, name, kind::unit_kind, false FROM unnest($2::text[], $3::text[]) AS r(name, kind)
     ON CONFLICT (jurisdiction_id, name) DO UPDATE
       SET kind = EXCLUDED.kind, needs_review = false
       WHERE unit.kind IS DISTINCT FROM EXCLUDED.kind OR unit.needs_review`,
    [jurisdictionId, entries.map((e) => e.name), entries.map((e) => e.kind)],
  );
  const aliases = entries.flatMap((e) => (e.aliases ?? []).map((alias) => [e.name, alias] as const));
  await em.query(
    `INSERT INTO unit_alias (unit_id, jurisdiction_id, alias)
     SELECT u.id, $1::int, a.alias FROM unnest($2::text[], $3::text[]) AS a(name, alias)
     JOIN unit u ON u.jurisdiction_id = $1 AND u.name = a.name
     ON CONFLICT (jurisdiction_id, alias) DO NOTHING`,
    [jurisdictionId, aliases.map((a) => a[0]), aliases.map((a) => a[1])],
  );
}
