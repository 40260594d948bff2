import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import { fromGlobalId } from '../graphql/global-id';
import type { Principal } from '../graphql/principal';
import { type Sql, and, compile, sql } from '../sql/sql';
import type { Queryable } from '../audit/audit-log';
import { EVENT_COLUMNS, type EventRow } from './event-row';
import { visibleEventsSql } from './event-visibility';
import type { EventWhere } from './event.inputs';

export const MAX_EVENTS_PAGE = 500;

/** A filter, checked once: the task's row id, the types. */
export interface EventFilter {
  types: string[] | null;
  taskId: number | null;
}

export function eventFilter(where: EventWhere | null | undefined): EventFilter {
  let taskId: number | null = null;
  if (where?.task) {
    const parsed = fromGlobalId(where.task);
    if (!parsed || parsed.type !== 'Task') throw new BadUserInputError(`where.task must be the id of a Task; "${where.task.slice(0, 60)}" is not.`, 'where');
    taskId = parsed.id;
  }
  return { types: where?.types?.length ? where.types : null, taskId };
}

export function matchesFilter(row: EventRow, filter: EventFilter): boolean {
  return (filter.types === null || filter.types.includes(row.type)) && (filter.taskId === null || row.task_id === filter.taskId);
}

function filterSql(filter: EventFilter): Sql {
  const parts: Sql[] = [];
  if (filter.types) parts.push(sql`e.type = ANY (${sql.value(filter.types, 'text[]')})`);
  if (filter.taskId !== null) parts.push(sql`e.task_id = ${sql.value(filter.taskId, 'int')}`);
  return and(parts);
}

export function checkAfter(after: number | null | undefined): number {
  if (after == null) return 0;
  if (!Number.isInteger(after) || after < 0) throw new BadUserInputError('after must be an event number (0 or more).', 'after');
  return after;
}

/** The events after `after` that `principal` may see and the filter takes, oldest first. */
export async function readEvents(db: RequestContext | Queryable, principal: Principal, after: number, first: number, filter: EventFilter): Promise<EventRow[]> {
  const statement = compile(
    sql`SELECT ${sql.raw(EVENT_COLUMNS)} FROM event e
        WHERE e.id > ${sql.value(after, 'bigint')} AND ${visibleEventsSql(principal)} AND ${filterSql(filter)}
        ORDER BY e.id LIMIT ${sql.value(first, 'int')}`,
  );
  return (await db.query(statement.text, statement.values)) as EventRow[];
}
