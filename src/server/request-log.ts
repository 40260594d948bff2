import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import type { RequestContext } from '../graphql/context';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

const ROUTES = new Set(['/graphql', '/health', '/metrics', '/exports/ledger.xlsx', '/exports/ledger.csv']);
const SANE_REQUEST_ID = /^[\w.:-]{1,100}$/;

/** What the log line says of a GraphQL request, read when the response finishes. */
export interface GraphQLRequestInfo {
  operationName: unknown;
  context: RequestContext | undefined;
}

/**
 * One JSON line per HTTP request when it finishes: request id (the client's
 * X-Request-Id if sane, else a new one, echoed back), method, path, status,
 * duration and, for GraphQL, the operation name and SQL statement count;
 * and the request's duration in the metrics. Plain node:http, so the
 * GraphQL route (graphql-http.ts) and the Express routes log alike.
 */
export function trackRequest(logger: Logger, metrics: Metrics, req: http.IncomingMessage, res: http.ServerResponse, graphql?: () => GraphQLRequestInfo): void {
  const started = process.hrtime.bigint();
  // Captured now: routers mounted on a path rewrite req.url while they run.
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const urlPath = query < 0 ? url : url.slice(0, query);
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  res.on('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = ROUTES.has(urlPath) ? urlPath : urlPath.startsWith('/graphiql') ? '/graphiql' : 'other';
    metrics.requestDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
    const gql = graphql?.();
    logger.info(
      {
        requestId,
        method: req.method,
        path: urlPath,
        status: res.statusCode,
        durationMs: Math.round(seconds * 10000) / 10,
        ...(gql?.context ? { operationName: gql.operationName ?? null, sqlStatements: gql.context.sqlLog.length } : {}),
      },
      'request',
    );
  });
}

/** trackRequest for the Express routes; a GraphQL request there leaves its context in res.locals. */
export function requestLogger(logger: Logger, metrics: Metrics): express.RequestHandler {
  return (req, res, next) => {
    trackRequest(logger, metrics, req, res, () => ({ operationName: res.locals.operationName, context: res.locals.ctx as RequestContext | undefined }));
    next();
  };
}

/** Counts the GraphQL errors sent, by code. */
export function requestMetricsPlugin(metrics: Metrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            metrics.graphqlErrors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
          }
        },
      };
    },
  };
}

/** Test only: each request's SQL statements in `extensions.sql`. */
export function sqlExtension(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sql: contextValue.sqlLines() };
          }
        },
      };
    },
  };
}
