import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { sql } from '../sql/sql';
import { AssignmentModel, type AssignmentRow } from './assignment.type';
import { assignmentColumns, unitColumns } from './unit-json.sql';
import { UnitModel, type UnitRow } from './unit.type';

const a = sql.identifier('a');
const u = sql.identifier('u');

export function loadUnit(ctx: RequestContext, id: number): Promise<UnitModel> {
  return ctx
    .loader<number, UnitModel>('unit.byId', async (ids) => {
      const rows = await ctx.query<UnitRow>(sql`SELECT ${unitColumns(null)} FROM unit WHERE id = ANY(${sql.value(ids, 'int[]')})`);
      return byKey(ids, rows, (r) => r.id, 'unit', UnitModel.fromRow);
    })
    .load(id);
}

/** An assignment by id with its unit (node(id:)): one statement per batch. */
export function loadAssignment(ctx: RequestContext, id: number): Promise<AssignmentModel> {
  return ctx
    .loader<number, AssignmentModel>('assignment.byId', async (ids) => {
      const rows = await ctx.query<AssignmentRow>(
        sql`SELECT ${assignmentColumns(a, u)} FROM assignment ${a} JOIN unit ${u} ON ${u}.id = ${a}.unit_id WHERE ${a}.id = ANY(${sql.value(ids, 'int[]')})`,
      );
      return byKey(ids, rows, (r) => r.id, 'assignment', AssignmentModel.fromRow);
    })
    .load(id);
}

/** All assignments of a task with their units, in cell order (serves leadUnits, coUnits and assignments alike), synchronously when the page statement already fetched them (see RequestContext.primeFetched). */
export function assignmentsOfTaskNow(ctx: RequestContext, taskId: number): AssignmentModel[] | Promise<AssignmentModel[]> {
  return ctx.fetchedValue<number, AssignmentModel[]>(ASSIGNMENTS_OF_TASK, taskId) ?? assignmentsOfTask(ctx).load(taskId);
}

/** Assignments a page statement already fetched (see task-relations.sql.ts), with the units' aliases when it fetched those too. */
export function primeAssignmentsOfTask(ctx: RequestContext, taskId: number, rows: (AssignmentRow & { unit: UnitRow & { aliases?: string[] } })[]): void {
  ctx.primeFetched(ASSIGNMENTS_OF_TASK, assignmentsOfTask(ctx), taskId, rows.map(AssignmentModel.fromRow));
  for (const row of rows) if (row.unit.aliases) aliasesOfUnit(ctx).prime(row.unit.id, row.unit.aliases);
}

const ASSIGNMENTS_OF_TASK = 'assignment.byTask';

function assignmentsOfTask(ctx: RequestContext) {
  return ctx
    .loader<number, AssignmentModel[]>(ASSIGNMENTS_OF_TASK, async (taskIds) => {
      const rows = await ctx.query<AssignmentRow>(
        sql`SELECT ${assignmentColumns(a, u)} FROM assignment ${a} JOIN unit ${u} ON ${u}.id = ${a}.unit_id
         WHERE ${a}.task_id = ANY(${sql.value(taskIds, 'int[]')}) ORDER BY ${a}.task_id, ${a}.role, ${a}.position`,
      );
      return groupBy(taskIds, rows, (r) => r.task_id).map((group) => group.map(AssignmentModel.fromRow));
    });
}

export function loadAliases(ctx: RequestContext, unitId: number): Promise<string[]> {
  return aliasesOfUnit(ctx).load(unitId);
}

function aliasesOfUnit(ctx: RequestContext) {
  return ctx
    .loader<number, string[]>('unit.aliases', async (unitIds) => {
      const rows = await ctx.query<{ unit_id: number; alias: string }>(
        sql`SELECT unit_id, alias FROM unit_alias WHERE unit_id = ANY(${sql.value(unitIds, 'int[]')}) ORDER BY unit_id, id`,
      );
      return groupBy(unitIds, rows, (r) => r.unit_id).map((group) => group.map((r) => r.alias));
    });
}
