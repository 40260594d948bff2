import type { RequestContext } from '../graphql/context';
import { sql } from '../sql/sql';
import { UnitKind } from '../unit/unit-kind';
import type { TaskUnits } from './collaboration-graph';

const p = sql.identifier('p');
const d = sql.identifier('d');
const t = sql.identifier('t');
const a = sql.identifier('a');
const u = sql.identifier('u');

/** A plan with a version that changes whenever an import touches it. */
export interface PlanVersion {
  planId: number;
  jurisdictionId: number;
  year: number;
  version: string;
}

/**
 * Every plan with its version, once per request: the cheap check that lets a
 * cached graph outlive requests yet see an import made by the CLI in another
 * process. Assignments are only written by an import, and every import writes
 * a document row of its plan, so (newest document id, document count) moves
 * with every change of a plan's tasks and units. The third part, the newest
 * document of the whole jurisdiction, moves with an import of any of its
 * plans: that import also syncs the unit registry, which may change a unit's
 * kind, and the graph without the collectives depends on the kinds.
 */
export function loadPlanVersions(ctx: RequestContext): Promise<PlanVersion[]> {
  return ctx
    .loader<'all', PlanVersion[]>('graph.planVersions', async (keys) => {
      const rows = await ctx.query<{ plan_id: number; jurisdiction_id: number; year: number; version: string }>(
        sql`SELECT ${p}.id AS plan_id, ${p}.jurisdiction_id, ${p}.year, coalesce(max(${d}.id), 0) || ':' || count(${d}.id) || ':' || coalesce(max(max(${d}.id)) OVER (PARTITION BY ${p}.jurisdiction_id), 0) AS version
         FROM plan ${p} LEFT JOIN document ${d} ON ${d}.plan_id = ${p}.id GROUP BY ${p}.id ORDER BY ${p}.year, ${p}.jurisdiction_id`,
      );
      const plans = rows.map((r) => ({ planId: r.plan_id, jurisdictionId: r.jurisdiction_id, year: r.year, version: r.version }));
      return keys.map(() => plans);
    })
    .load('all');
}

/** A plan's graph input: its tasks with their units, and which of those units are collectives. */
export interface PlanRows {
  tasks: TaskUnits[];
  collectives: Set<number>;
}

/**
 * The whole input of the collaboration graphs of some plans in one statement:
 * each task with its distinct units in any role, in document order, and
 * those of kind COLLECTIVE (各镇街, 各部门, …) for the graph without them.
 * The kinds are read with the rows, so both graphs of a plan agree; a kind
 * changed in the registry arrives with an import, which moves the version of
 * every plan of the jurisdiction (loadPlanVersions).
 */
export async function loadTaskUnits(ctx: RequestContext, planIds: readonly number[]): Promise<Map<number, PlanRows>> {
  const rows = await ctx.query<{ plan_id: number; task_id: number; unit_ids: number[]; collective_ids: number[] | null }>(
    sql`SELECT ${t}.plan_id, ${t}.id AS task_id, array_agg(DISTINCT ${a}.unit_id ORDER BY ${a}.unit_id) AS unit_ids,
       array_agg(DISTINCT ${a}.unit_id) FILTER (WHERE ${u}.kind = ${sql.value(UnitKind.COLLECTIVE, 'unit_kind')}) AS collective_ids
     FROM task ${t} JOIN assignment ${a} ON ${a}.task_id = ${t}.id JOIN unit ${u} ON ${u}.id = ${a}.unit_id
     WHERE ${t}.plan_id = ANY(${sql.value(planIds, 'int[]')})
     GROUP BY ${t}.plan_id, ${t}.id ORDER BY ${t}.plan_id, ${t}.section, ${t}.number`,
  );
  const byPlan = new Map<number, PlanRows>(planIds.map((id) => [id, { tasks: [], collectives: new Set() }]));
  for (const r of rows) {
    const plan = byPlan.get(r.plan_id)!;
    plan.tasks.push({ taskId: r.task_id, unitIds: r.unit_ids });
    for (const id of r.collective_ids ?? []) plan.collectives.add(id);
  }
  return byPlan;
}
