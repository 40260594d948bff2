import { booleanWhereSql } from '../graphql/boolean-where.sql';
import { listFilterSql } from '../graphql/list-filter.sql';
import { type SqlParams, enumFilterSql, intFilterSql, stringFilterSql } from '../graphql/sql';
import { leaderWhereSql } from '../leader/leader-where.sql';
import { progressWhereSql } from '../progress/progress-where.sql';
import { supervisionWhereSql } from '../risk/supervision-where.sql';
import { unitWhereSql } from '../unit/unit-where.sql';
import type { UnitListFilter } from '../unit/unit.inputs';
import type { TaskWhere } from './task.inputs';

/**
 * SQL condition on the task row `t` joined to its plan `p`. Every relation
 * filter is an EXISTS sub-query, so nothing is filtered after loading.
 */
export function taskWhereSql(where: TaskWhere, params: SqlParams, depth = 0): string {
  return booleanWhereSql(
    where,
    depth,
    (w) => {
      const parts: string[] = [];
      if (w.year) parts.push(intFilterSql('p.year', w.year, params));
      if (w.section) parts.push(enumFilterSql('t.section', w.section, params, 'section'));
      if (w.number) parts.push(intFilterSql('t.number', w.number, params));
      if (w.content) parts.push(stringFilterSql(['t.content'], w.content, params));
      if (w.title) parts.push(stringFilterSql(['t.title'], w.title, params));
      if (w.category) {
        parts.push(`EXISTS (SELECT 1 FROM category c WHERE c.id = t.category_id AND ${stringFilterSql(['c.name'], w.category, params)})`);
      }
      if (w.leaders) {
        parts.push(
          listFilterSql('FROM task_leader tl JOIN leader l ON l.id = tl.leader_id WHERE tl.task_id = t.id', w.leaders, (lw) => leaderWhereSql(lw, params)),
        );
      }
      const units = (filter: UnitListFilter, role: 'LEAD' | 'CO' | null) =>
        listFilterSql(
          `FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.task_id = t.id${role ? ` AND a.role = '${role}'` : ''}`,
          filter,
          (uw) => unitWhereSql(uw, params),
        );
      if (w.leadUnits) parts.push(units(w.leadUnits, 'LEAD'));
      if (w.coUnits) parts.push(units(w.coUnits, 'CO'));
      if (w.units) parts.push(units(w.units, null));
      if (w.progress) {
        parts.push(listFilterSql('FROM progress_update pu WHERE pu.task_id = t.id', w.progress, (pw) => progressWhereSql(pw, params)));
      }
      parts.push(...supervisionWhereSql(w, params)); // issue #10: risk, due, latestStatus, percent, reported
      return parts;
    },
    (w, d) => taskWhereSql(w, params, d),
  );
}
