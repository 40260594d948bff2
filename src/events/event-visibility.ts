import { type Relation, RULES, type Who, decide } from '../auth/policy';
import type { Principal } from '../graphql/principal';
import { FALSE, type Sql, TRUE, or, sql } from '../sql/sql';
import type { EventRow } from './event-row';

/**
 * Who may see an event, decided by the policy's `event.read` rules over the
 * audience stored with the event. Two forms of one decision:
 * - `eventRelations` for an event already in memory (the live fan-out reads
 *   each new event once per process and asks the policy per subscriber);
 * - `visibleEventsSql` for reading the log (replay, the `events` query), so a
 *   page of `first` events is a page of visible events, filtered in SQL.
 * Both are built from the same relations; test/events/visibility.test.ts
 * checks they agree for every role over every event of a seeded log.
 *
 * An event with no jurisdiction is an installation event (accounts, keys,
 * webhooks): no SAME_JURISDICTION holds for it, so only ADMIN sees it.
 */
export function eventRelations(principal: Principal, row: Pick<EventRow, 'jurisdiction_id' | 'lead_unit_ids' | 'co_unit_ids' | 'leader_ids'>): ReadonlySet<Relation> {
  const relations = new Set<Relation>(['ANY']);
  if (principal.unitId !== null && row.lead_unit_ids.includes(principal.unitId)) relations.add('LEAD_UNIT');
  if (principal.unitId !== null && row.co_unit_ids.includes(principal.unitId)) relations.add('CO_UNIT');
  if (principal.leaderId !== null && row.leader_ids.includes(principal.leaderId)) relations.add('RESPONSIBLE_LEADER');
  if (row.jurisdiction_id !== null && (principal.jurisdictionId === null || principal.jurisdictionId === row.jurisdiction_id)) relations.add('SAME_JURISDICTION');
  return relations;
}

export function mayReadEvent(principal: Principal, row: EventRow): boolean {
  return decide(principal.role as Who, 'event.read', eventRelations(principal, row)).allowed;
}

/** The same decision as a condition on `event` rows (alias `e`). */
export function visibleEventsSql(principal: Principal): Sql {
  const relations = RULES.filter((r) => r.action === 'event.read' && r.who.includes(principal.role as Who)).flatMap((r) => r.relations);
  return or([...new Set(relations)].map((relation) => relationSql(principal, relation)));
}

function relationSql(p: Principal, relation: Relation): Sql {
  switch (relation) {
    case 'ANY':
      return TRUE;
    case 'LEAD_UNIT':
      return p.unitId === null ? FALSE : sql`${sql.value(p.unitId, 'int')} = ANY (e.lead_unit_ids)`;
    case 'CO_UNIT':
      return p.unitId === null ? FALSE : sql`${sql.value(p.unitId, 'int')} = ANY (e.co_unit_ids)`;
    case 'RESPONSIBLE_LEADER':
      return p.leaderId === null ? FALSE : sql`${sql.value(p.leaderId, 'int')} = ANY (e.leader_ids)`;
    case 'SAME_JURISDICTION':
      return p.jurisdictionId === null ? sql`e.jurisdiction_id IS NOT NULL` : sql`e.jurisdiction_id = ${sql.value(p.jurisdictionId, 'int')}`;
    case 'SELF':
      return FALSE;
  }
}
