import type { RequestContext } from '../graphql/context';
import type { ConnectionSelection } from '../graphql/selection';
import { subfields } from '../graphql/selection';
import { type Sql, sql } from '../graphql/sql';
import type { GraphQLResolveInfo } from 'graphql';
import { primeDocument } from '../document/document.loaders';
import type { DocumentRow } from '../document/document.type';
import { primeLeadersOfTask } from '../leader/leader.loaders';
import { primePlan } from '../plan/plan.loaders';
import { primeProgressOfTask } from '../progress/progress.loaders';
import type { ProgressRow } from '../progress/progress-update.type';
import { primeAssignmentsOfTask } from '../unit/unit.loaders';
import { primeCategory } from './task.loaders';

/**
 * The relations a query selects on the tasks of a page, fetched by the
 * page's own statement as JSON columns (one correlated sub-select per
 * relation over the page's rows only), then handed to the per-request
 * loaders so the field resolvers find them cached. A relation the query
 * does not select costs nothing; one it selects costs no extra statement.
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
const c = sql.identifier('c');
const d = sql.identifier('d');
const p = sql.identifier('p');
const j = sql.identifier('j');

/** `x` is the alias of the page's rows (TaskRow columns). */
export function taskRelations(selection: ConnectionSelection, info: GraphQLResolveInfo, x: Sql): TaskRelation[] {
  const picked = selection.node;
  const relations: TaskRelation[] = [];
  if (picked.has('leaders')) {
    relations.push({
      column: sql`(SELECT coalesce(json_agg(json_build_object('id', ${l}.id, 'name', ${l}.name) ORDER BY ${tl}.position), '[]')
        FROM task_leader ${tl} JOIN leader ${l} ON ${l}.id = ${tl}.leader_id WHERE ${tl}.task_id = ${x}.id) AS r_leaders`,
      prime: (ctx, row) => primeLeadersOfTask(ctx, row.id as number, row.r_leaders as { id: number; name: string }[]),
    });
  }
  if (picked.has('leadUnits') || picked.has('coUnits') || picked.has('assignments')) {
    const unitFields = [...(picked.get('leadUnits') ?? []), ...(picked.get('coUnits') ?? []), ...(subfields(picked.get('assignments') ?? [], info).get('unit') ?? [])];
    const aliases = subfields(unitFields, info).has('aliases')
      ? sql`, 'aliases', coalesce((SELECT json_agg(${ua}.alias ORDER BY ${ua}.id) FROM unit_alias ${ua} WHERE ${ua}.unit_id = ${u}.id), '[]')`
      : sql.empty;
    relations.push({
      column: sql`(SELECT coalesce(json_agg(json_build_object('id', ${a}.id, 'task_id', ${a}.task_id, 'unit_id', ${a}.unit_id, 'role', ${a}.role,
          'position', ${a}.position, 'acting_as', ${a}.acting_as, 'written_as', ${a}.written_as,
          'unit', json_build_object('id', ${u}.id, 'name', ${u}.name, 'kind', ${u}.kind, 'needs_review', ${u}.needs_review${aliases}))
          ORDER BY ${a}.role, ${a}.position), '[]')
        FROM assignment ${a} JOIN unit ${u} ON ${u}.id = ${a}.unit_id WHERE ${a}.task_id = ${x}.id) AS r_assignments`,
      prime: (ctx, row) => primeAssignmentsOfTask(ctx, row.id as number, row.r_assignments as Parameters<typeof primeAssignmentsOfTask>[2]),
    });
  }
  if (picked.has('progress')) {
    relations.push({
      column: sql`(SELECT coalesce(json_agg(json_build_object('id', ${pu}.id, 'task_id', ${pu}.task_id, 'document_id', ${pu}.document_id,
          'period', ${pu}.period, 'text', ${pu}.text, 'items', ${pu}.items, 'status', ${pu}.status, 'status_reason', ${pu}.status_reason)
          ORDER BY ${pu}.period, ${pu}.id), '[]')
        FROM progress_update ${pu} WHERE ${pu}.task_id = ${x}.id) AS r_progress`,
      prime: (ctx, row) => primeProgressOfTask(ctx, row.id as number, row.r_progress as ProgressRow[]),
    });
  }
  if (picked.has('category')) {
    relations.push({
      column: sql`(SELECT json_build_object('id', ${c}.id, 'plan_id', ${c}.plan_id, 'name', ${c}.name, 'position', ${c}.position)
        FROM category ${c} WHERE ${c}.id = ${x}.category_id) AS r_category`,
      prime: (ctx, row) => {
        if (row.r_category) primeCategory(ctx, row.r_category as Parameters<typeof primeCategory>[1]);
      },
    });
  }
  if (picked.has('document')) {
    relations.push({
      column: sql`(SELECT json_build_object('id', ${d}.id, 'plan_id', ${d}.plan_id, 'kind', ${d}.kind, 'title', ${d}.title, 'number', ${d}.number,
          'issuer', ${d}.issuer, 'issued_on', to_char(${d}.issued_on, 'YYYY-MM-DD'), 'year', ${d}.year, 'period', ${d}.period,
          'file_name', ${d}.file_name, 'imported_at', ${d}.imported_at)
        FROM document ${d} WHERE ${d}.id = ${x}.document_id) AS r_document`,
      prime: (ctx, row) => primeDocument(ctx, row.r_document as DocumentRow),
    });
  }
  if (picked.has('plan')) {
    relations.push({
      column: sql`(SELECT json_build_object('id', ${p}.id, 'jurisdiction', ${j}.name, 'year', ${p}.year)
        FROM plan ${p} JOIN jurisdiction ${j} ON ${j}.id = ${p}.jurisdiction_id WHERE ${p}.id = ${x}.plan_id) AS r_plan`,
      prime: (ctx, row) => primePlan(ctx, row.r_plan as { id: number; jurisdiction: string; year: number }),
    });
  }
  return relations;
}
