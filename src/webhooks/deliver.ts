import os from 'node:os';
import type { Pool, PoolClient } from 'pg';
import { SIGNATURE_HEADER, sign } from './signature';
import { type WebhookSettings, backoffMs } from './webhook-settings';

/** This process, as the attempts table names it. */
export const WORKER = `${os.hostname()}:${process.pid}`;

/** What a job carries: which delivery. Everything else is read when it runs, so a replayed or stale job cannot deliver twice. */
export interface DeliveryJob {
  deliveryId: string;
}

/** The body a receiver gets. */
export function deliveryBody(delivery: { id: string }, event: { id: string; type: string; at: Date; actor: string; target: unknown }): string {
  return JSON.stringify({
    delivery: Number(delivery.id),
    event: { number: Number(event.id), type: event.type, at: new Date(event.at).toISOString(), actor: event.actor, ids: event.target },
  });
}

/** Sends the next job of a delivery in the caller's transaction (pg-boss's `db` option): the job exists exactly when the change commits. */
export type SendInTransaction = (client: PoolClient, job: DeliveryJob, startAfter?: Date) => Promise<void>;

/**
 * One try of one delivery, run by a queue job.
 *
 * 1. The try is numbered and written (committed) before the request goes
 *    out, so a try cut short by a crash stays visible, marked interrupted
 *    by the next one.
 * 2. The signed POST, bounded by the timeout.
 * 3. In one transaction: the try's answer, the delivery's state and, for a
 *    failure with tries left, the next job at now + backoff (or DEAD).
 * A delivery already DELIVERED or DEAD is left alone: a job run twice after a
 * crash never sends a finished delivery again.
 */
export async function deliverOnce(pool: Pool, settings: WebhookSettings, job: DeliveryJob, send: SendInTransaction): Promise<void> {
  const [row] = (
    await pool.query(
      `SELECT d.id, d.state, d.attempts, w.url, w.secret, e.id AS event_id, e.type, e.at, e.actor, e.target
       FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id JOIN event e ON e.id = d.event_id WHERE d.id = $1`,
      [job.deliveryId],
    )
  ).rows;
  if (!row || row.state === 'DELIVERED' || row.state === 'DEAD') return;
  const series = row.attempts + 1;
  const { rows: started } = await pool.query(
    `WITH interrupted AS (
       UPDATE webhook_attempt SET finished_at = clock_timestamp(), error = 'interrupted: the worker stopped before an answer'
       WHERE delivery_id = $1 AND finished_at IS NULL),
     counted AS (UPDATE webhook_delivery SET attempts = $3, state = 'RETRYING' WHERE id = $1)
     INSERT INTO webhook_attempt (delivery_id, attempt, worker)
     VALUES ($1, (SELECT coalesce(max(attempt), 0) + 1 FROM webhook_attempt WHERE delivery_id = $1), $2) RETURNING id`,
    [row.id, WORKER, series],
  );
  const body = deliveryBody(row, { id: row.event_id, type: row.type, at: row.at, actor: row.actor, target: row.target });
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(row.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'duban-webhooks',
        'x-duban-event': row.type,
        'x-duban-delivery': String(row.id),
        [SIGNATURE_HEADER]: sign(row.secret, Math.floor(Date.now() / 1000), body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    status = response.status;
    // Drain the answer (bounded by the same timeout) so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (failure) {
    error = (failure as Error).name === 'TimeoutError' ? `no answer within ${settings.timeoutMs} ms` : `could not connect: ${(failure as Error).message}`;
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`UPDATE webhook_attempt SET finished_at = clock_timestamp(), status_code = $2, error = $3 WHERE id = $1`, [started[0].id, status, error]);
    if (error === null) {
      await client.query(`UPDATE webhook_delivery SET state = 'DELIVERED', finished_at = now(), next_attempt_at = NULL WHERE id = $1`, [row.id]);
    } else if (series >= settings.maxAttempts) {
      await client.query(`UPDATE webhook_delivery SET state = 'DEAD', finished_at = now(), next_attempt_at = NULL WHERE id = $1`, [row.id]);
    } else {
      const next = new Date(Date.now() + backoffMs(settings, series));
      await client.query(`UPDATE webhook_delivery SET next_attempt_at = $2 WHERE id = $1`, [row.id, next]);
      await send(client, { deliveryId: String(row.id) }, next);
    }
    await client.query('COMMIT');
  } catch (failure) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw failure;
  } finally {
    client.release();
  }
}
