import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import type { RequestContext } from '../graphql/context';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

const ROUTES = new Set(['/graphql', '/health', '/metrics']);

/**
 * One JSON line per HTTP request when it finishes: request id (the client's
 * X-Request-Id if sane, else a new one, echoed back), method, path, status,
 * duration and, for GraphQL, the operation name and SQL statement count.
 */
export function requestLogger(logger: Logger, metrics: Metrics): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // Captured now: routers mounted on a path rewrite req.url while they run.
    const urlPath = req.path;
    const given = req.get('x-request-id');
    const requestId = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = ROUTES.has(urlPath) ? urlPath : urlPath.startsWith('/graphiql') ? '/graphiql' : 'other';
      metrics.requestDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      const ctx = res.locals.ctx as RequestContext | undefined;
      logger.info(
        {
          requestId,
          method: req.method,
          path: urlPath,
          status: res.statusCode,
          durationMs: Math.round(seconds * 10000) / 10,
          ...(ctx ? { operationName: res.locals.operationName ?? null, sqlStatements: ctx.sqlLog.length } : {}),
        },
        'request',
      );
    });
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
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sql: contextValue.sqlLog };
          }
        },
      };
    },
  };
}
