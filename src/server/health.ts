import type express from 'express';
import type { DataSource } from 'typeorm';

/** GET /health: 200 when PostgreSQL answers, 503 (with the reason) when it does not. */
export function healthHandler(dataSource: DataSource): express.RequestHandler {
  return async (_req, res) => {
    const started = Date.now();
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ok', database: 'reachable', latencyMs: Date.now() - started });
    } catch (error) {
      res.status(503).json({ status: 'error', database: 'unreachable', error: (error as Error).message });
    }
  };
}
