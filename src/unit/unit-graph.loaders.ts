import type { RequestContext } from '../graphql/context';
import { groupBy } from '../graphql/context';
import { SqlParams } from '../graphql/sql';
import { LeaderModel } from '../leader/leader.type';
import type { Section } from '../task/section';
import type { Role } from './role';
import { CollaboratorModel, LeaderCountModel, UnitCountModel, WorkloadModel } from './unit-graph.types';
import { UNIT_JSON, UnitModel, type UnitRow } from './unit.type';

/** `JOIN task/plan` restricted to a year and section when given; `$` placeholders come from params. */
function taskScope(taskExpr: string, params: SqlParams, year?: number | null, section?: Section | null): string {
  if (year == null && section == null) return '';
  return (
    ` JOIN task st ON st.id = ${taskExpr}` +
    (section != null ? ` AND st.section = ${params.add(section, 'section')}` : '') +
    (year != null ? ` JOIN plan sp ON sp.id = st.plan_id AND sp.year = ${params.add(year, 'int')}` : '')
  );
}


export function loadWorkload(ctx: RequestContext, unitId: number, year?: number | null, section?: Section | null): Promise<WorkloadModel> {
  return ctx
    .loader<number, WorkloadModel>(`unit.workload:${year}:${section}`, async (unitIds) => {
      const params = new SqlParams();
      const ids = params.add(unitIds, 'int[]');
      const rows = await ctx.query<{ unit_id: number; lead: number; co: number; total: number }>(
        `SELECT a.unit_id, count(*) FILTER (WHERE a.role = 'LEAD')::int AS lead, count(*) FILTER (WHERE a.role = 'CO')::int AS co,
                count(DISTINCT a.task_id)::int AS total
         FROM assignment a${taskScope('a.task_id', params, year, section)}
         WHERE a.unit_id = ANY(${ids}) GROUP BY a.unit_id`,
        params.values,
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
      const params = new SqlParams();
      const ids = params.add(unitIds, 'int[]');
      const rows = await ctx.query<{ parent_id: number; shared: number; unit: UnitRow }>(
        `SELECT parent_id, shared, unit FROM (
           SELECT a.unit_id AS parent_id, count(DISTINCT a.task_id)::int AS shared, ${UNIT_JSON} AS unit,
                  row_number() OVER (PARTITION BY a.unit_id ORDER BY count(DISTINCT a.task_id) DESC, u.name COLLATE "C", u.id) AS rank
           FROM assignment a JOIN assignment b ON b.task_id = a.task_id AND b.unit_id <> a.unit_id
           JOIN unit u ON u.id = b.unit_id${taskScope('a.task_id', params, year)}
           WHERE a.unit_id = ANY(${ids}) GROUP BY a.unit_id, u.id
         ) ranked WHERE rank <= ${first} ORDER BY parent_id, rank`,
        params.values,
      );
      return groupBy(unitIds, rows, (r) => r.parent_id).map((group) =>
        group.map((r) => Object.assign(new CollaboratorModel(), { unit: UnitModel.fromRow(r.unit), sharedTasks: r.shared })),
      );
    })
    .load(unitId);
}

/** Leaders of the tasks a unit is assigned to (in `role` if given), with counts. */
export function loadLeadersOfUnit(ctx: RequestContext, unitId: number, role?: Role | null, year?: number | null): Promise<LeaderCountModel[]> {
  return ctx
    .loader<number, LeaderCountModel[]>(`unit.leaders:${role}:${year}`, async (unitIds) => {
      const params = new SqlParams();
      const ids = params.add(unitIds, 'int[]');
      const roleSql = role ? ` AND a.role = ${params.add(role, 'role')}` : '';
      const rows = await ctx.query<{ parent_id: number; id: number; name: string; task_count: number }>(
        `SELECT a.unit_id AS parent_id, l.id, l.name, count(DISTINCT a.task_id)::int AS task_count
         FROM assignment a JOIN task_leader tl ON tl.task_id = a.task_id JOIN leader l ON l.id = tl.leader_id${taskScope('a.task_id', params, year)}
         WHERE a.unit_id = ANY(${ids})${roleSql}
         GROUP BY a.unit_id, l.id ORDER BY a.unit_id, task_count DESC, l.name COLLATE "C"`,
        params.values,
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
      const params = new SqlParams();
      const ids = params.add(leaderIds, 'int[]');
      const roleSql = role ? ` AND a.role = ${params.add(role, 'role')}` : '';
      const rows = await ctx.query<{ parent_id: number; task_count: number; unit: UnitRow }>(
        `SELECT tl.leader_id AS parent_id, count(DISTINCT a.task_id)::int AS task_count, ${UNIT_JSON} AS unit
         FROM task_leader tl JOIN assignment a ON a.task_id = tl.task_id JOIN unit u ON u.id = a.unit_id${taskScope('tl.task_id', params, year)}
         WHERE tl.leader_id = ANY(${ids})${roleSql}
         GROUP BY tl.leader_id, u.id ORDER BY tl.leader_id, task_count DESC, u.name COLLATE "C"`,
        params.values,
      );
      return groupBy(leaderIds, rows, (r) => r.parent_id).map((group) =>
        group.map((r) => Object.assign(new UnitCountModel(), { unit: UnitModel.fromRow(r.unit), taskCount: r.task_count })),
      );
    })
    .load(leaderId);
}
