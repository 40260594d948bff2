import { booleanWhereSql } from '../sql/boolean-where.sql';
import { listFilterSql } from '../sql/list-filter.sql';
import { type Sql, enumFilterSql, intFilterSql, sql, stringFilterSql } from '../sql/sql';
import { leaderWhereSql } from '../leader/leader-where.sql';
import { progressWhereSql } from '../progress/progress-where.sql';
import { supervisionWhereSql } from '../risk/supervision-where.sql';
import { workflowWhereSql } from '../extension/workflow-where.sql';
import { Role } from '../unit/role';
import { unitWhereSql } from '../unit/unit-where.sql';
import type { UnitListFilter } from '../unit/unit.inputs';
import { jurisdictionWhereSql } from '../plan/jurisdiction-where.sql';
import type { TaskWhere } from './task.inputs';
import { roundReportWhereSql } from '../round/round-where.sql';

/** The aliases a task condition refers to: the task row and its plan row. */
export interface TaskAliases {
  task: Sql;
  plan: Sql;
}

const c = sql.identifier('c');
const tl = sql.identifier('tl');
const l = sql.identifier('l');
const a = sql.identifier('a');
const u = sql.identifier('u');
const pu = sql.identifier('pu');

/**
 * SQL condition on a task row joined to its plan. Every relation filter is
 * an EXISTS sub-query, so nothing is filtered after loading.
 */
export function taskWhereSql(where: TaskWhere, { task, plan }: TaskAliases, depth = 0): Sql {
  return booleanWhereSql(
    where,
    depth,
    (w) => {
      const parts: Sql[] = [];
      if (w.year) parts.push(intFilterSql(sql`${plan}.year`, w.year));
      if (w.jurisdiction) parts.push(jurisdictionWhereSql(sql`${plan}.jurisdiction_id`, w.jurisdiction));
      if (w.section) parts.push(enumFilterSql(sql`${task}.section`, w.section, 'section'));
      if (w.number) parts.push(intFilterSql(sql`${task}.number`, w.number));
      if (w.content) parts.push(stringFilterSql([sql`${task}.content`], w.content));
      if (w.title) parts.push(stringFilterSql([sql`${task}.title`], w.title));
      if (w.category) {
        parts.push(sql`EXISTS (SELECT 1 FROM category ${c} WHERE ${c}.id = ${task}.category_id AND ${stringFilterSql([sql`${c}.name`], w.category)})`);
      }
      if (w.leaders) {
        parts.push(
          listFilterSql(sql`FROM task_leader ${tl} JOIN leader ${l} ON ${l}.id = ${tl}.leader_id WHERE ${tl}.task_id = ${task}.id`, w.leaders, (lw) =>
            leaderWhereSql(lw, l),
          ),
        );
      }
      const units = (filter: UnitListFilter, role: Role | null) =>
        listFilterSql(
          sql`FROM assignment ${a} JOIN unit ${u} ON ${u}.id = ${a}.unit_id WHERE ${a}.task_id = ${task}.id${role ? sql` AND ${a}.role = ${sql.value(role, 'role')}` : sql.empty}`,
          filter,
          (uw) => unitWhereSql(uw, u),
        );
      if (w.leadUnits) parts.push(units(w.leadUnits, Role.LEAD));
      if (w.coUnits) parts.push(units(w.coUnits, Role.CO));
      if (w.units) parts.push(units(w.units, null));
      if (w.progress) {
        parts.push(listFilterSql(sql`FROM progress_update ${pu} WHERE ${pu}.task_id = ${task}.id`, w.progress, (pw) => progressWhereSql(pw, pu)));
      }
      parts.push(...supervisionWhereSql(w, { task, plan })); // issue #10: risk, due, latestStatus, percent, reported
      parts.push(...workflowWhereSql(w, { task, plan })); // issue 17: closed, extensionPending, extended
      if (w.roundReport) parts.push(roundReportWhereSql(w.roundReport, { task, plan }));
      return parts;
    },
    (w, d) => taskWhereSql(w, { task, plan }, d),
  );
}
