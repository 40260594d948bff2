import { booleanWhereSql } from '../graphql/boolean-where.sql';
import { type SqlParams, enumFilterSql, stringFilterSql } from '../graphql/sql';
import { normaliseUnitName } from '../import/unit-name-normalise';
import type { UnitWhere } from './unit.inputs';

/**
 * SQL condition on the unit row aliased `u`. A name condition holds when the
 * canonical name or any alias satisfies it.
 */
export function unitWhereSql(where: UnitWhere, params: SqlParams, depth = 0): string {
  return booleanWhereSql(
    where,
    depth,
    (w) => {
      const parts: string[] = [];
      if (w.name) {
        const onAlias = stringFilterSql(['ua.alias'], w.name, params, normaliseUnitName);
        const onName = stringFilterSql(['u.name'], w.name, params, normaliseUnitName);
        parts.push(`(${onName} OR EXISTS (SELECT 1 FROM unit_alias ua WHERE ua.unit_id = u.id AND ${onAlias}))`);
      }
      if (w.kind) parts.push(enumFilterSql('u.kind', w.kind, params, 'unit_kind'));
      if (w.needsReview != null) parts.push(`u.needs_review = ${params.add(w.needsReview, 'boolean')}`);
      return parts;
    },
    (w, d) => unitWhereSql(w, params, d),
  );
}
