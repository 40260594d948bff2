import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { DeliveryQueue } from './delivery-queue';

/**
 * The job queue in /metrics: deliveries by state (PENDING and RETRYING are
 * queued work, DEAD the dead letters) and the jobs waiting in pg-boss. Read
 * at scrape time from PostgreSQL, so every process reports the same totals.
 */
export function registerQueueMetrics(registry: Registry, dataSource: DataSource, queue: DeliveryQueue | undefined): void {
  new Gauge({
    name: 'duban_webhook_deliveries',
    help: 'Webhook deliveries by state: PENDING and RETRYING are queued, DELIVERED done, DEAD dead-lettered',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const rows: { state: string; n: number }[] = await dataSource.query(
        `SELECT s.state, count(d.id)::int AS n FROM unnest(enum_range(NULL::webhook_delivery_state)) AS s(state) LEFT JOIN webhook_delivery d ON d.state = s.state GROUP BY s.state`,
      );
      for (const row of rows) this.set({ state: row.state }, row.n);
    },
  });
  new Gauge({
    name: 'duban_webhook_failed_attempts',
    help: 'Webhook delivery tries that failed (an error status, a timeout, no connection, interrupted), all time',
    registers: [registry],
    async collect() {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM webhook_attempt WHERE error IS NOT NULL`);
      this.set(n);
    },
  });
  if (queue) {
    new Gauge({
      name: 'duban_job_queue_waiting',
      help: 'Jobs waiting in the PostgreSQL job queue (pg-boss), due now or later',
      registers: [registry],
      async collect() {
        this.set(await queue.queued());
      },
    });
  }
}
