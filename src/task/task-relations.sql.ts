import type { RequestContext } from '../graphql/context';
import type { ConnectionSelection } from '../graphql/selection';
import { subfields } from '../graphql/selection';
import { fromTuple, jsonTuple } from '../sql/json-tuple';
import { type Sql, sql } from '../sql/sql';
import type { GraphQLResolveInfo } from 'graphql';
import { DOCUMENT_COLUMNS, primeDocument } from '../document/document.loaders';
import type { DocumentRow } from '../document/document.type';
import { LEADER_FIELDS, primeLeadersOfTask } from '../leader/leader.loaders';
import { PLAN_SELECT, primePlan } from '../plan/plan.loaders';
import { PROGRESS_FIELDS, primeProgressOfTask } from '../progress/progress.loaders';
import { primeAssignmentsOfTask } from '../unit/unit.loaders';
import { assignmentFromTuple, assignmentTuple } from '../unit/unit-json.sql';
import { CATEGORY_FIELDS, primeCategory } from './task.loaders';

/**
 * The relations a query selects on the tasks of a page, fetched by the
 * page's own statement as JSON columns (one correlated sub-select per
 * relation over the page's rows only), then handed to the per-request
 * loaders so the field resolvers find them cached. A relation the query
 * does not select costs nothing; one it selects costs no extra statement.
 * Rows travel as JSON arrays (json-tuple.ts: cheaper to build in PostgreSQL
 * and to parse in Node than objects) over the loader's own field list
 * (PROGRESS_FIELDS, CATEGORY_FIELDS, …), so a primed row has exactly the
 * shape the loader would have produced: add a field there and it comes here
 * too.
 */
export interface TaskRelation {
  column: Sql;
  prime: (ctx: RequestContext, row: Record<string, unknown>) => void;
}

const tl = sql.identifier('tl');
const l = sql.identifier('l');
const a = sql.identifier('a');
const u = sql.identifier('u');
const ua = sql.identifier('ua');
const pu = sql.identifier('pu');
const r = sql.identifier('r');
const c = sql.identifier('c');

/** A JSON column holding an array of tuples (json-tuple.ts). */
const tuples = (value: unknown) => value as unknown[][];

/** `x` is the alias of the page's rows (TaskRow columns). */
export function taskRelations(selection: ConnectionSelection, info: GraphQLResolveInfo, x: Sql): TaskRelation[] {
  const picked = selection.node;
  const relations: TaskRelation[] = [];
  if (picked.has('leaders')) {
    relations.push({
      column: sql`(SELECT coalesce(json_agg(${jsonTuple(l, LEADER_FIELDS)} ORDER BY ${tl}.position), '[]')
        FROM task_leader ${tl} JOIN leader ${l} ON ${l}.id = ${tl}.leader_id WHERE ${tl}.task_id = ${x}.id) AS r_leaders`,
      prime: (ctx, row) => primeLeadersOfTask(ctx, row.id as number, tuples(row.r_leaders).map((t) => fromTuple(LEADER_FIELDS, t))),
    });
  }
  if (picked.has('leadUnits') || picked.has('coUnits') || picked.has('assignments')) {
    const unitFields = [...(picked.get('leadUnits') ?? []), ...(picked.get('coUnits') ?? []), ...(subfields(picked.get('assignments') ?? [], info).get('unit') ?? [])];
    const aliases = subfields(unitFields, info).has('aliases')
      ? sql`coalesce((SELECT json_agg(${ua}.alias ORDER BY ${ua}.id) FROM unit_alias ${ua} WHERE ${ua}.unit_id = ${u}.id), '[]')`
      : undefined;
    relations.push({
      column: sql`(SELECT coalesce(json_agg(${assignmentTuple(a, u, aliases)} ORDER BY ${a}.role, ${a}.position), '[]')
          FROM assignment ${a} JOIN unit ${u} ON ${u}.id = ${a}.unit_id WHERE ${a}.task_id = ${x}.id) AS r_assignments`,
      prime: (ctx, row) => primeAssignmentsOfTask(ctx, row.id as number, tuples(row.r_assignments).map(assignmentFromTuple)),
    });
  }
  if (picked.has('progress')) {
    relations.push({
      column: sql`(SELECT coalesce(json_agg(${jsonTuple(pu, PROGRESS_FIELDS)} ORDER BY ${pu}.period, ${pu}.id), '[]')
          FROM progress_update ${pu} WHERE ${pu}.task_id = ${x}.id) AS r_progress`,
      prime: (ctx, row) => primeProgressOfTask(ctx, row.id as number, tuples(row.r_progress).map((t) => fromTuple(PROGRESS_FIELDS, t))),
    });
  }
  if (picked.has('category')) {
    relations.push({
      column: sql`(SELECT ${jsonTuple(c, CATEGORY_FIELDS)} FROM category ${c} WHERE ${c}.id = ${x}.category_id) AS r_category`,
      prime: (ctx, row) => {
        if (row.r_category) primeCategory(ctx, fromTuple(CATEGORY_FIELDS, row.r_category as unknown[]));
      },
    });
  }
  if (picked.has('document')) {
    relations.push({
      column: sql`(SELECT row_to_json(${r}) FROM (SELECT ${DOCUMENT_COLUMNS} FROM document WHERE id = ${x}.document_id) ${r}) AS r_document`,
      prime: (ctx, row) => primeDocument(ctx, row.r_document as DocumentRow),
    });
  }
  if (picked.has('plan')) {
    relations.push({
      column: sql`(SELECT row_to_json(${r}) FROM (${PLAN_SELECT} WHERE p.id = ${x}.plan_id) ${r}) AS r_plan`,
      prime: (ctx, row) => primePlan(ctx, row.r_plan as { id: number; jurisdiction: string; year: number }),
    });
  }
  return relations;
}
