import PgBoss from 'pg-boss';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { EventHub } from '../events/event-hub';
import type { Logger } from '../server/logger';
import { type DeliveryJob, deliverOnce } from './deliver';
import { type WebhookSettings, expireSeconds } from './webhook-settings';

export const DELIVER_QUEUE = 'webhook-deliver';

/** Jobs a worker takes at once. */
const BATCH = 10;

/** The pg Pool TypeORM's postgres driver keeps. */
function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/**
 * Webhook deliveries on a PostgreSQL job queue: pg-boss (10.x, the newest
 * line that runs on Node 20). pg-boss keeps its jobs in its own schema
 * `pgboss`, which `start()` creates and migrates itself (under an advisory
 * lock, so two processes starting together do it once).
 *
 * - The relay: deliveries are rows written with their event (event-log.ts);
 *   on each new event (the process's EventHub) and at start, the relay turns
 *   the rows not yet queued into jobs, row and job in one transaction
 *   (FOR UPDATE SKIP LOCKED: two processes never queue a row twice).
 * - The worker: pg-boss hands each job to one worker (SKIP LOCKED). A job
 *   whose process died stays active until it expires (timeout + 1 s), then
 *   pg-boss's maintenance gives it back (retryLimit 1) and another process
 *   runs it: the crashed try is recorded as interrupted, the delivery goes on.
 * - Retries are jobs of their own, sent with `startAfter` in the failed try's
 *   transaction, so the schedule is exactly the documented backoff.
 * - stop(): workers finish the jobs they hold (up to the grace), then pg-boss
 *   fails what is left (handed back: retried by another process).
 */
export class DeliveryQueue {
  private readonly boss: PgBoss;
  private readonly pool: Pool;
  private workerId: string | undefined;
  private unsubscribe: (() => void) | undefined;
  private relaying: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: WebhookSettings,
    private readonly logger: Logger,
  ) {
    const url = (dataSource.options as { url?: string }).url;
    this.pool = poolOf(dataSource);
    this.boss = new PgBoss({
      connectionString: url,
      max: 3,
      application_name: 'duban-queue',
      maintenanceIntervalSeconds: settings.maintenanceSeconds,
      // Finished jobs are kept a day; the deliveries and their tries are the lasting record.
      archiveCompletedAfterSeconds: 86_400,
    });
    this.boss.on('error', (error) => logger.warn({ err: error, event: 'queue_error' }, `job queue: ${error.message}`));
  }

  async start(): Promise<void> {
    await this.boss.start();
    if (!(await this.boss.getQueue(DELIVER_QUEUE))) {
      await this.boss.createQueue(DELIVER_QUEUE, { name: DELIVER_QUEUE, retryLimit: 1, retryDelay: 0, expireInSeconds: expireSeconds(this.settings) }).catch(async (error) => {
        // Another process created it meanwhile.
        if (!(await this.boss.getQueue(DELIVER_QUEUE))) throw error;
      });
    }
    // Up to BATCH jobs per fetch, delivered concurrently: a pg-boss worker waits a polling interval between
    // fetches unless woken, so one job per fetch would cap a process at two deliveries a second.
    this.workerId = await this.boss.work<DeliveryJob>(DELIVER_QUEUE, { pollingIntervalSeconds: this.settings.pollMs / 1000, batchSize: BATCH }, async (jobs) => {
      const results = await Promise.allSettled(jobs.map((job) => deliverOnce(this.pool, this.settings, job.data, (client, next, startAfter) => this.send(client, next, startAfter))));
      // A failure here is the database's, not the receiver's (those are recorded tries): the batch's jobs are
      // retried, and a delivery already finished is left alone when its job runs again (deliver.ts).
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    });
    const hub = EventHub.of(this.dataSource);
    this.unsubscribe = hub.subscribe(() => this.relay());
    await hub.start();
    this.relay();
  }

  /** A job for a delivery, in the caller's transaction. */
  private async send(client: PoolClient, job: DeliveryJob, startAfter?: Date): Promise<void> {
    await this.boss.send(DELIVER_QUEUE, job, {
      ...(startAfter ? { startAfter } : {}),
      db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
    } as PgBoss.SendOptions);
  }

  /** Queues the deliveries not yet queued; one pass at a time, again if asked meanwhile. */
  relay(): void {
    if (this.relaying) {
      this.again = true;
      return;
    }
    this.relaying = (async () => {
      do {
        this.again = false;
        let queued = 0;
        for (;;) {
          // Most events have no endpoint, and another process may have queued these already: one cheap look first.
          const [{ waiting }] = (await this.pool.query(`SELECT EXISTS (SELECT 1 FROM webhook_delivery WHERE NOT queued) AS waiting`)).rows;
          if (!waiting) break;
          const client = await this.pool.connect();
          let batch = 0;
          try {
            await client.query('BEGIN');
            const { rows } = await client.query(`SELECT id FROM webhook_delivery WHERE NOT queued ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`);
            for (const row of rows) await this.send(client, { deliveryId: String(row.id) });
            if (rows.length) await client.query(`UPDATE webhook_delivery SET queued = true WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
            await client.query('COMMIT');
            batch = rows.length;
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
          } finally {
            client.release();
          }
          queued += batch;
          if (batch < 100) break;
        }
        // Wake this process's worker now rather than at its next poll.
        if (queued && this.workerId) this.boss.notifyWorker(this.workerId);
      } while (this.again);
    })()
      .catch((error) => this.logger.warn({ err: error, event: 'relay_failed' }, `webhook relay: ${(error as Error).message}`))
      .finally(() => {
        this.relaying = undefined;
      });
  }

  /** Jobs waiting or retrying in the queue (for /metrics). */
  queued(): Promise<number> {
    return this.boss.getQueueSize(DELIVER_QUEUE);
  }

  async stop(graceMs: number): Promise<void> {
    this.unsubscribe?.();
    await this.relaying;
    await this.boss.stop({ graceful: true, wait: true, timeout: Math.max(graceMs, 1) });
  }
}
