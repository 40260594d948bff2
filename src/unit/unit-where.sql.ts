import { booleanWhereSql } from '../graphql/boolean-where.sql';
import { type Sql, enumFilterSql, sql, stringFilterSql } from '../graphql/sql';
import { normaliseUnitName } from '../import/unit-name-normalise';
import { jurisdictionWhereSql } from '../plan/jurisdiction-where.sql';
import type { UnitWhere } from './unit.inputs';

const ua = sql.identifier('ua');

/**
 * SQL condition on the unit row aliased `unit`. A name condition holds when
 * the canonical name or any alias satisfies it.
 */
export function unitWhereSql(where: UnitWhere, unit: Sql, depth = 0): Sql {
  return booleanWhereSql(
    where,
    depth,
    (w) => {
      const parts: Sql[] = [];
      if (w.name) {
        const onAlias = stringFilterSql([sql`${ua}.alias`], w.name, normaliseUnitName);
        const onName = stringFilterSql([sql`${unit}.name`], w.name, normaliseUnitName);
        parts.push(sql`(${onName} OR EXISTS (SELECT 1 FROM unit_alias ${ua} WHERE ${ua}.unit_id = ${unit}.id AND ${onAlias}))`);
      }
      if (w.kind) parts.push(enumFilterSql(sql`${unit}.kind`, w.kind, 'unit_kind'));
      if (w.needsReview != null) parts.push(sql`${unit}.needs_review = ${sql.value(w.needsReview, 'boolean')}`);
      if (w.jurisdiction) parts.push(jurisdictionWhereSql(sql`${unit}.jurisdiction_id`, w.jurisdiction));
      return parts;
    },
    (w, d) => unitWhereSql(w, unit, d),
  );
}
