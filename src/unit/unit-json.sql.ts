import { type Sql, sql } from '../graphql/sql';

/** A UnitRow as JSON inside another query (saves a second statement for the unit). */
export function unitJson(u: Sql): Sql {
  return sql`json_build_object('id', ${u}.id, 'name', ${u}.name, 'kind', ${u}.kind, 'needs_review', ${u}.needs_review)`;
}

/** The AssignmentRow columns of assignment `a` with its unit `u` embedded. */
export function assignmentColumns(a: Sql, u: Sql): Sql {
  return sql`${a}.id, ${a}.task_id, ${a}.unit_id, ${a}.role, ${a}.position, ${a}.acting_as, ${a}.written_as, ${unitJson(u)} AS unit`;
}
