import type express from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';

export interface Metrics {
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status'>;
  graphqlErrors: Counter<'code'>;
  handler: express.RequestHandler;
}

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The pg Pool TypeORM's postgres driver keeps (driver.master), if connected. */
function poolOf(dataSource: DataSource): PgPool | undefined {
  return (dataSource.driver as unknown as { master?: PgPool }).master;
}

/**
 * Prometheus metrics at GET /metrics (prom-client): request durations by
 * route and status, GraphQL errors by code, and the connection pool's use.
 * One registry per app, so tests can start several apps in one process.
 */
export function createMetrics(dataSource: DataSource): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'duban_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const graphqlErrors = new Counter({ name: 'duban_graphql_errors_total', help: 'GraphQL errors sent, by extensions.code', labelNames: ['code'] as const, registers: [registry] });
  const pool = (name: string, help: string, read: (p: PgPool) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const p = poolOf(dataSource);
        this.set(p ? read(p) : 0);
      },
    });
  pool('duban_db_pool_connections', 'Connections open in the pool', (p) => p.totalCount);
  pool('duban_db_pool_idle', 'Idle connections in the pool', (p) => p.idleCount);
  pool('duban_db_pool_waiting', 'Requests waiting for a pooled connection', (p) => p.waitingCount);
  const handler: express.RequestHandler = async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };
  return { registry, requestDuration, graphqlErrors, handler };
}
