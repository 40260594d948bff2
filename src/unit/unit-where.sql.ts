import { booleanWhereSql } from '../sql/boolean-where.sql';
import { type Sql, enumFilterSql, sql, stringFilterSql } from '../sql/sql';
import { normaliseUnitName } from './unit-name-normalise';
import { jurisdictionWhereSql } from '../plan/jurisdiction-where.sql';
import type { UnitWhere } from './unit.inputs';

const ua = sql.identifier('ua');
const un = sql.identifier('un');

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
        // Canonical names and aliases in one uncorrelated lookup, each through its name index, so the
        // planner can start from the few matching units (`name = $1 OR EXISTS(alias)` made it start
        // from the tasks and test every unit it met).
        const onName = stringFilterSql([sql`${un}.name`], w.name, normaliseUnitName);
        const onAlias = stringFilterSql([sql`${ua}.alias`], w.name, normaliseUnitName);
        parts.push(sql`${unit}.id IN (SELECT ${un}.id FROM unit ${un} WHERE ${onName} UNION ALL SELECT ${ua}.unit_id FROM unit_alias ${ua} WHERE ${onAlias})`);
      }
      if (w.kind) parts.push(enumFilterSql(sql`${unit}.kind`, w.kind, 'unit_kind'));
      if (w.needsReview != null) parts.push(sql`${unit}.needs_review = ${sql.value(w.needsReview, 'boolean')}`);
      if (w.jurisdiction) parts.push(jurisdictionWhereSql(sql`${unit}.jurisdiction_id`, w.jurisdiction));
      return parts;
    },
    (w, d) => unitWhereSql(w, unit, d),
  );
}
