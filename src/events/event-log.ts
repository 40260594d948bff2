import type { Queryable } from '../audit/audit-log';
import type { Principal, RequestOrigin } from '../graphql/principal';

/** The channel every duban process LISTENs on; the payload is an event number only (NOTIFY caps payloads at 8,000 bytes). */
export const EVENT_CHANNEL = 'duban_events';

/** One state change, as a mutation or the importer reports it. */
export interface EventRecord {
  /** What happened: the mutation's name (`acknowledgeTask`), `importDocument`, `reminder`. */
  type: string;
  /** Ids of what changed (the mutation outcome's `target`): `task`, `document`, `plan`, `account`, … */
  target: Record<string, unknown>;
}

const asId = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/**
 * Appends one event in the caller's transaction, so the event and the change
 * commit or roll back together, then queues a NOTIFY (PostgreSQL sends it at
 * commit, never for a rollback).
 *
 * Numbered in commit order: the advisory lock is held until the transaction
 * ends, so the next writer takes its number only after this one committed.
 * Without it, a transaction that took number 10 could commit after one that
 * took 11, and a client resuming "after 11" would never see 10. Writers
 * serialise only from here to their commit (the end of their transaction).
 *
 * Who may see the event is stored with it (see the migration), and the
 * webhook deliveries it causes are created here too, in the same transaction,
 * so no event is lost between the change and the job queue (the relay,
 * src/webhooks/delivery-relay.ts, hands them to the queue).
 */
export async function appendEvent(tx: Queryable, principal: Principal, origin: RequestOrigin, record: EventRecord): Promise<number> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('duban-events'))`);
  const task = asId(record.target.task);
  const document = asId(record.target.document);
  const plan = asId(record.target.plan);
  const rows = (await tx.query(
    // clock_timestamp(), not now(): the moment of the change's last step (its commit follows), not its transaction's start.
    `INSERT INTO event (at, type, actor, account_id, key_prefix, request_id, target, task_id, document_id, jurisdiction_id, lead_unit_ids, co_unit_ids, leader_ids)
     SELECT clock_timestamp(), $1, $2, $3, $4, $5, $6::jsonb, $7::int, $8::int,
            COALESCE((SELECT p.jurisdiction_id FROM task t JOIN plan p ON p.id = t.plan_id WHERE t.id = $7::int),
                     (SELECT p.jurisdiction_id FROM document d JOIN plan p ON p.id = d.plan_id WHERE d.id = $8::int),
                     (SELECT p.jurisdiction_id FROM plan p WHERE p.id = $9::int)),
            COALESCE((SELECT array_agg(a.unit_id ORDER BY a.unit_id) FROM assignment a WHERE a.task_id = $7::int AND a.role = 'LEAD'), '{}'),
            COALESCE((SELECT array_agg(a.unit_id ORDER BY a.unit_id) FROM assignment a WHERE a.task_id = $7::int AND a.role = 'CO'), '{}'),
            COALESCE((SELECT array_agg(tl.leader_id ORDER BY tl.leader_id) FROM task_leader tl WHERE tl.task_id = $7::int), '{}')
     RETURNING id, jurisdiction_id`,
    [record.type, principal.name, principal.accountId, principal.keyPrefix, origin.requestId, JSON.stringify(record.target), task, document, plan],
  )) as { id: string; jurisdiction_id: number | null }[];
  const id = Number(rows[0].id);
  // Endpoints whose filter takes this type and whose owner may see it: an office's endpoint sees its
  // district's events; only an administrator's sees installation events (accounts, keys, webhooks).
  await tx.query(
    `INSERT INTO webhook_delivery (webhook_id, event_id)
     SELECT w.id, $1 FROM webhook w
     WHERE w.active AND w.deleted_at IS NULL
       AND (cardinality(w.event_types) = 0 OR $2 = ANY (w.event_types))
       AND (w.installation_events OR ($3::int IS NOT NULL AND (w.jurisdiction_id IS NULL OR w.jurisdiction_id = $3::int)))`,
    [id, record.type, rows[0].jurisdiction_id],
  );
  await tx.query(`SELECT pg_notify($1, $2)`, [EVENT_CHANNEL, String(id)]);
  return id;
}
