import type express from 'express';
import type { DataSource } from 'typeorm';
import type { DatabaseState } from './database-state';

export interface Lifecycle {
  phase: 'starting' | 'ready' | 'stopping';
}

/**
 * GET /health: 200 only when the server is ready and PostgreSQL answers; 503
 * with the reason while starting, while shutting down and while the database
 * is unreachable, so a load balancer stops sending traffic in time.
 */
export function healthHandler(dataSource: DataSource, lifecycle: Lifecycle, database?: DatabaseState): express.RequestHandler {
  return async (_req, res) => {
    if (lifecycle.phase !== 'ready') {
      res.status(503).json({ status: lifecycle.phase });
      return;
    }
    const started = Date.now();
    try {
      await dataSource.query('SELECT 1');
      database?.up();
      res.json({ status: 'ok', database: 'reachable', latencyMs: Date.now() - started });
    } catch (error) {
      const reason = (error as Error).message;
      database?.down(reason);
      res.status(503).json({ status: 'error', database: 'unreachable', error: reason });
    }
  };
}
