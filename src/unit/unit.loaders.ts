import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { ASSIGNMENT_SELECT, AssignmentModel, type AssignmentRow } from './assignment.type';
import { UnitModel, type UnitRow } from './unit.type';

export function loadUnit(ctx: RequestContext, id: number): Promise<UnitModel> {
  return ctx
    .loader<number, UnitModel>('unit.byId', async (ids) => {
      const rows = await ctx.query<UnitRow>(`SELECT id, name, kind, needs_review FROM unit WHERE id = ANY($1::int[])`, [ids]);
      return byKey(ids, rows, (r) => r.id, 'unit', UnitModel.fromRow);
    })
    .load(id);
}

/** All assignments of a task with their units, in cell order: serves leadUnits, coUnits and assignments alike. */
export function loadAssignmentsOfTask(ctx: RequestContext, taskId: number): Promise<AssignmentModel[]> {
  return ctx
    .loader<number, AssignmentModel[]>('assignment.byTask', async (taskIds) => {
      const rows = await ctx.query<AssignmentRow>(
        `${ASSIGNMENT_SELECT}
         WHERE a.task_id = ANY($1::int[]) ORDER BY a.task_id, a.role, a.position`,
        [taskIds],
      );
      return groupBy(taskIds, rows, (r) => r.task_id).map((group) => group.map(AssignmentModel.fromRow));
    })
    .load(taskId);
}

export function loadAliases(ctx: RequestContext, unitId: number): Promise<string[]> {
  return ctx
    .loader<number, string[]>('unit.aliases', async (unitIds) => {
      const rows = await ctx.query<{ unit_id: number; alias: string }>(
        `SELECT unit_id, alias FROM unit_alias WHERE unit_id = ANY($1::int[]) ORDER BY unit_id, id`,
        [unitIds],
      );
      return groupBy(unitIds, rows, (r) => r.unit_id).map((group) => group.map((r) => r.alias));
    })
    .load(unitId);
}
