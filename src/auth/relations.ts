import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../graphql/context';
import type { Principal } from '../graphql/principal';
import type { Relation } from './policy';

type TaskRelationRow = { id: number; lead: boolean; co: boolean; leader: boolean; jurisdiction_id: number };

const TASK_RELATIONS_SQL = `SELECT t.id, p.jurisdiction_id,
         EXISTS (SELECT 1 FROM assignment a WHERE a.task_id = t.id AND a.unit_id = $2 AND a.role = 'LEAD') AS lead,
         EXISTS (SELECT 1 FROM assignment a WHERE a.task_id = t.id AND a.unit_id = $2 AND a.role = 'CO') AS co,
         EXISTS (SELECT 1 FROM task_leader tl WHERE tl.task_id = t.id AND tl.leader_id = $3) AS leader
  FROM task t JOIN plan p ON p.id = t.plan_id WHERE t.id = ANY($1::int[])`;

function relationsOf(p: Principal, row: TaskRelationRow | undefined): ReadonlySet<Relation> {
  const relations = new Set<Relation>(['ANY']);
  if (!row) return relations;
  if (row.lead) relations.add('LEAD_UNIT');
  if (row.co) relations.add('CO_UNIT');
  if (row.leader) relations.add('RESPONSIBLE_LEADER');
  if (inJurisdiction(p, row.jurisdiction_id)) relations.add('SAME_JURISDICTION');
  return relations;
}

/**
 * How the principal stands to targets, from the database: one statement per
 * batch of tasks (DataLoader), so `viewerCan` on a page of 100 tasks costs
 * one query, not a hundred.
 */
export function taskRelations(ctx: RequestContext, taskId: number): Promise<ReadonlySet<Relation>> {
  const p = ctx.principal;
  return ctx
    .loader<number, ReadonlySet<Relation>>(`auth.taskRelations`, async (ids) => {
      const rows = await ctx.query<TaskRelationRow>(TASK_RELATIONS_SQL, [ids, p.unitId, p.leaderId]);
      const found = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => relationsOf(p, found.get(id)));
    })
    .load(taskId);
}

/**
 * The same for a mutation's target, read on its transaction's own connection
 * (run-mutation.ts: "the policy on the target, its relations read in the
 * transaction"). Not through ctx.query: that takes a second connection from
 * the pool while the transaction holds one, so as many mutations at once as
 * the pool has connections would each wait for one that none gives back.
 */
export async function taskRelationsIn(tx: Pick<EntityManager, 'query'>, principal: Principal, taskId: number): Promise<ReadonlySet<Relation>> {
  const rows: TaskRelationRow[] = await tx.query(TASK_RELATIONS_SQL, [[taskId], principal.unitId, principal.leaderId]);
  return relationsOf(principal, rows[0]);
}

/** Relations to something of a jurisdiction (a document's plan, a plan). */
export function jurisdictionRelations(principal: Principal, jurisdictionId: number | null): ReadonlySet<Relation> {
  const relations = new Set<Relation>(['ANY']);
  if (jurisdictionId === null || inJurisdiction(principal, jurisdictionId)) relations.add('SAME_JURISDICTION');
  return relations;
}

/** Relations to an account (and so to its keys). */
export function accountRelations(principal: Principal, accountId: number): ReadonlySet<Relation> {
  return new Set<Relation>(principal.accountId !== null && principal.accountId === accountId ? ['ANY', 'SELF'] : ['ANY']);
}

/** A principal bound to no jurisdiction (an office or reader of every district, an admin) serves all of them. */
function inJurisdiction(principal: Principal, jurisdictionId: number): boolean {
  return principal.jurisdictionId === null || principal.jurisdictionId === jurisdictionId;
}

/** Relations to a plan's document: the plan's jurisdiction, batched. */
export async function planRelations(ctx: RequestContext, planId: number): Promise<ReadonlySet<Relation>> {
  const jurisdictionId = await ctx
    .loader<number, number | null>('auth.planJurisdiction', async (ids) => {
      const rows = await ctx.query<{ id: number; jurisdiction_id: number }>(`SELECT id, jurisdiction_id FROM plan WHERE id = ANY($1::int[])`, [ids]);
      const found = new Map(rows.map((r) => [r.id, r.jurisdiction_id]));
      return ids.map((id) => found.get(id) ?? null);
    })
    .load(planId);
  return jurisdictionRelations(ctx.principal, jurisdictionId);
}

/** The same for a mutation's target plan, on its transaction's connection (see taskRelationsIn). */
export async function planRelationsIn(tx: Pick<EntityManager, 'query'>, principal: Principal, planId: number): Promise<ReadonlySet<Relation>> {
  const [row]: { jurisdiction_id: number }[] = await tx.query(`SELECT jurisdiction_id FROM plan WHERE id = $1`, [planId]);
  return jurisdictionRelations(principal, row?.jurisdiction_id ?? null);
}
