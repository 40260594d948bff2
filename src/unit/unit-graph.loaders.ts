import type { RequestContext } from '../graphql/context';
import { groupBy } from '../graphql/context';
import { type Sql, sql } from '../sql/sql';
import { LeaderModel } from '../leader/leader.type';
import type { Section } from '../task/section';
import { CollaboratorModel, LeaderCountModel, UnitCountModel, WorkloadModel } from './unit-graph.types';
import { Role } from './role';
import { UnitModel, type UnitRow } from './unit.type';
import { unitJson } from './unit-json.sql';

const a = sql.identifier('a');
const b = sql.identifier('b');
const u = sql.identifier('u');
const l = sql.identifier('l');
const tl = sql.identifier('tl');
const st = sql.identifier('st');
const sp = sql.identifier('sp');

/** `JOIN task/plan` restricted to a year and section when given. */
export function taskScope(taskExpr: Sql, year?: number | null, section?: Section | null): Sql {
  if (year == null && section == null) return sql.empty;
  return sql` JOIN task ${st} ON ${st}.id = ${taskExpr}${section != null ? sql` AND ${st}.section = ${sql.value(section, 'section')}` : sql.empty}${
    year != null ? sql` JOIN plan ${sp} ON ${sp}.id = ${st}.plan_id AND ${sp}.year = ${sql.value(year, 'int')}` : sql.empty
  }`;
}

const roleSql = (role?: Role | null) => (role ? sql` AND ${a}.role = ${sql.value(role, 'role')}` : sql.empty);


export function loadWorkload(ctx: RequestContext, unitId: number, year?: number | null, section?: Section | null): Promise<WorkloadModel> {
  return ctx
    .loader<number, WorkloadModel>(`unit.workload:${year}:${section}`, async (unitIds) => {
      const rows = await ctx.query<{ unit_id: number; lead: number; co: number; total: number }>(
        sql`SELECT ${a}.unit_id, count(*) FILTER (WHERE ${a}.role = ${sql.value(Role.LEAD, 'role')})::int AS lead,
                count(*) FILTER (WHERE ${a}.role = ${sql.value(Role.CO, 'role')})::int AS co,
                count(DISTINCT ${a}.task_id)::int AS total
         FROM assignment ${a}${taskScope(sql`${a}.task_id`, year, section)}
         WHERE ${a}.unit_id = ANY(${sql.value(unitIds, 'int[]')}) GROUP BY ${a}.unit_id`,
      );
      const found = new Map(rows.map((r) => [r.unit_id, r]));
      return unitIds.map((id) => Object.assign(new WorkloadModel(), found.get(id) ?? { lead: 0, co: 0, total: 0 }));
    })
    .load(unitId);
}

/** Units sharing tasks with the unit, most shared first, top `first` per unit (ranked in SQL). */
export function loadCollaborators(ctx: RequestContext, unitId: number, first: number, year?: number | null): Promise<CollaboratorModel[]> {
  return ctx
    .loader<number, CollaboratorModel[]>(`unit.collaborators:${first}:${year}`, async (unitIds) => {
      const rows = await ctx.query<{ parent_id: number; shared: number; task_ids: number[]; unit: UnitRow }>(
        sql`SELECT parent_id, shared, task_ids, unit FROM (
           SELECT ${a}.unit_id AS parent_id, count(DISTINCT ${a}.task_id)::int AS shared, array_agg(DISTINCT ${a}.task_id ORDER BY ${a}.task_id) AS task_ids, ${unitJson(u)} AS unit,
                  row_number() OVER (PARTITION BY ${a}.unit_id ORDER BY count(DISTINCT ${a}.task_id) DESC, ${u}.name COLLATE "C", ${u}.id) AS rank
           FROM assignment ${a} JOIN assignment ${b} ON ${b}.task_id = ${a}.task_id AND ${b}.unit_id <> ${a}.unit_id
           JOIN unit ${u} ON ${u}.id = ${b}.unit_id${taskScope(sql`${a}.task_id`, year)}
           WHERE ${a}.unit_id = ANY(${sql.value(unitIds, 'int[]')}) GROUP BY ${a}.unit_id, ${u}.id
         ) ranked WHERE rank <= ${sql.value(first, 'int')} ORDER BY parent_id, rank`,
      );
      return groupBy(unitIds, rows, (r) => r.parent_id).map((group) =>
        group.map((r) => Object.assign(new CollaboratorModel(), { unit: UnitModel.fromRow(r.unit), sharedTaskCount: r.shared, taskIds: r.task_ids })),
      );
    })
    .load(unitId);
}

/** Leaders of the tasks a unit is assigned to (in `role` if given), with counts. */
export function loadLeadersOfUnit(ctx: RequestContext, unitId: number, role?: Role | null, year?: number | null): Promise<LeaderCountModel[]> {
  return ctx
    .loader<number, LeaderCountModel[]>(`unit.leaders:${role}:${year}`, async (unitIds) => {
      const rows = await ctx.query<{ parent_id: number; id: number; name: string; task_count: number }>(
        sql`SELECT ${a}.unit_id AS parent_id, ${l}.id, ${l}.name, count(DISTINCT ${a}.task_id)::int AS task_count
         FROM assignment ${a} JOIN task_leader ${tl} ON ${tl}.task_id = ${a}.task_id JOIN leader ${l} ON ${l}.id = ${tl}.leader_id${taskScope(sql`${a}.task_id`, year)}
         WHERE ${a}.unit_id = ANY(${sql.value(unitIds, 'int[]')})${roleSql(role)}
         GROUP BY ${a}.unit_id, ${l}.id ORDER BY ${a}.unit_id, task_count DESC, ${l}.name COLLATE "C"`,
      );
      return groupBy(unitIds, rows, (r) => r.parent_id).map((group) =>
        group.map((r) => Object.assign(new LeaderCountModel(), { leader: LeaderModel.fromRow(r), taskCount: r.task_count })),
      );
    })
    .load(unitId);
}

/** Units on the tasks of a leader (in `role` if given), with counts: the leader → unit step of a chain. */
export function loadUnitsOfLeader(ctx: RequestContext, leaderId: number, role?: Role | null, year?: number | null): Promise<UnitCountModel[]> {
  return ctx
    .loader<number, UnitCountModel[]>(`leader.units:${role}:${year}`, async (leaderIds) => {
      const rows = await ctx.query<{ parent_id: number; task_count: number; unit: UnitRow }>(
        sql`SELECT ${tl}.leader_id AS parent_id, count(DISTINCT ${a}.task_id)::int AS task_count, ${unitJson(u)} AS unit
         FROM task_leader ${tl} JOIN assignment ${a} ON ${a}.task_id = ${tl}.task_id JOIN unit ${u} ON ${u}.id = ${a}.unit_id${taskScope(sql`${tl}.task_id`, year)}
         WHERE ${tl}.leader_id = ANY(${sql.value(leaderIds, 'int[]')})${roleSql(role)}
         GROUP BY ${tl}.leader_id, ${u}.id ORDER BY ${tl}.leader_id, task_count DESC, ${u}.name COLLATE "C"`,
      );
      return groupBy(leaderIds, rows, (r) => r.parent_id).map((group) =>
        group.map((r) => Object.assign(new UnitCountModel(), { unit: UnitModel.fromRow(r.unit), taskCount: r.task_count })),
      );
    })
    .load(leaderId);
}
