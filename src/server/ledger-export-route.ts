import { once } from 'node:events';
import type http from 'node:http';
import express from 'express';
import type { GraphQLFormattedError, GraphQLInputType, GraphQLSchema } from 'graphql';
import { authorizeExport } from '../export/export-policy';
import { openLedger } from '../export/ledger-export';
import { parseLedgerQuery } from '../export/ledger-query';
import { type LedgerFormat, checkLedgerParams, ledgerFileName, resolveLedger } from '../export/ledger-request';
import type { RequestContext } from '../graphql/context';
import type { Admitted, RequestGate } from './request-gate';
import type { DatabaseState } from './database-state';
import type { Limits } from './limits';
import type { Logger } from './logger';

export interface LedgerExportRouteOptions {
  schema: GraphQLSchema;
  limits: Limits;
  /** The GraphQL reads' own request context: the same deadline, statement timeout and pool. */
  context: (admitted: Admitted) => RequestContext;
  /** The door every API request passes (authentication, rate limits): request-gate.ts. */
  gate: RequestGate;
  /** The GraphQL reads' own error formatting: the same codes, no stack trace, internals logged. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  database: DatabaseState;
  logger: Logger;
}

const CONTENT_TYPES: Record<LedgerFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The client closed the connection: nobody is left to answer. */
class ClientGone extends Error {}

/**
 * GET /exports/ledger.xlsx and /exports/ledger.csv: the ledger (台账) of a
 * plan, checked, authorised and read like any GraphQL read, then streamed.
 * Until the first byte is sent every refusal is the house JSON error shape
 * (400 BAD_USER_INPUT naming the parameter, 503 with Retry-After for an
 * outage or a timeout); once the file has started, a failure can only cut
 * the response short, which clients report as an incomplete download.
 */
export function ledgerExportRouter({ schema, limits, context, gate, formatError, database, logger }: LedgerExportRouteOptions): express.Router {
  const taskWhere = schema.getType('TaskWhere') as GraphQLInputType;
  const router = express.Router();
  for (const format of ['xlsx', 'csv'] as const) {
    router.get(`/exports/ledger.${format}`, async (req, res) => {
      const admitted = await gate(req, res);
      if (!admitted) return;
      const ctx = context(admitted);
      res.locals.ctx = ctx;
      try {
        const params = checkLedgerParams(parseLedgerQuery(new URL(req.originalUrl, 'http://localhost').searchParams, format, taskWhere), limits.maxFilterConditions);
        authorizeExport(ctx, params);
        const request = await resolveLedger(ctx, params);
        const ledger = await openLedger(ctx, request);
        const fileName = ledgerFileName(request);
        const ascii = `ledger-${request.period ?? request.year}${request.section ? `-${request.section}` : ''}.${format}`;
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[format],
          'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        await ledger.write(res, () => drained(res));
        database.up();
      } catch (error) {
        if (res.headersSent) {
          if (!(error instanceof ClientGone) && !res.destroyed) logger.error({ err: error }, 'ledger export failed after it started; response cut short');
          res.destroy();
          return;
        }
        sendError(res, formatError({ message: (error as Error)?.message ?? String(error), extensions: (error as { extensions?: Record<string, unknown> })?.extensions }, error), error);
      }
    });
  }
  return router;
}

/** Waits until the client has read what was written; throws ClientGone when it went away instead. */
async function drained(res: http.ServerResponse): Promise<void> {
  if (res.destroyed) throw new ClientGone();
  if (res.writableNeedDrain) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  if (res.destroyed) throw new ClientGone();
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, QUERY_TIMEOUT: 503, DATABASE_UNAVAILABLE: 503 };

function sendError(res: http.ServerResponse, formatted: GraphQLFormattedError, error: unknown): void {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const given = (error as { extensions?: { http?: { status?: number } } })?.extensions?.http?.status;
  const status = STATUS[code] ?? given ?? 500;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (status === 503) headers['retry-after'] = '1';
  res.writeHead(status, headers);
  res.end(JSON.stringify({ errors: [{ message: formatted.message, extensions: formatted.extensions }] }));
}
