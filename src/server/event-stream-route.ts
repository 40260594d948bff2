import express from 'express';
import { type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, GraphQLError, Kind, type ValidationRule, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import type { DataSource } from 'typeorm';
import { RequestContext } from '../graphql/context';
import type { Admitted, RequestGate } from './request-gate';
import type { Limits } from './limits';

export interface EventStreamRouteOptions {
  dataSource: DataSource;
  schema: GraphQLSchema;
  limits: Limits;
  gate: RequestGate;
  /** The same validation rules as POST /graphql (depth, aliases, no-operation-type). */
  validationRules: readonly ValidationRule[];
  /** The GraphQL reads' own error formatting: the same codes, no stack trace, internals logged. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/**
 * /graphql/stream: GraphQL subscriptions over Server-Sent Events
 * (graphql-sse, "distinct connections" mode: one HTTP request per
 * subscription, so a proxy, a browser's EventSource-like fetch and curl all
 * work, and no WebSocket upgrade bypasses the Express middleware).
 *
 * Every stream passes the same door as a query (request-gate.ts: the
 * credential, the rate limit — one request per stream), the same parse and
 * validation limits, and the policy (the subscription field checks its
 * action when it starts, and each event is filtered by event-visibility.ts).
 * Only subscriptions are taken here: queries and mutations go to
 * POST /graphql, where Apollo's plugins (cost, credential for writes) run.
 */
export function eventStreamRouter({ dataSource, schema, limits, gate, validationRules, formatError }: EventStreamRouteOptions): express.Router {
  const rules = [...specifiedRules, ...validationRules];
  // graphql-sse types its context as a plain record; ours is the request context class.
  const handler = createHandler<RequestContext & Record<PropertyKey, unknown>>({
    schema,
    // The stream's context has no request deadline: a subscription lives as long as the client wants.
    context: (req) => {
      const { principal, origin } = req.context.res.locals.admitted as Admitted;
      return new RequestContext(dataSource, principal, origin) as RequestContext & Record<PropertyKey, unknown>;
    },
    onSubscribe: (_req, params) => {
      let document: DocumentNode;
      try {
        document = parse(params.query as string, { maxTokens: limits.maxTokens });
      } catch (error) {
        return { data: null, errors: [formatError((error as GraphQLError).toJSON(), error) as GraphQLError] };
      }
      const errors = validate(schema, document, rules);
      if (errors.length) return { data: null, errors: errors.map((e) => new GraphQLError(e.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } })) };
      const operation = getOperationAST(document, params.operationName);
      if (!operation || operation.operation !== 'subscription' || document.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION)) {
        return { data: null, errors: [new GraphQLError('Only subscriptions are served at /graphql/stream; send queries and mutations to POST /graphql.', { extensions: { code: 'BAD_REQUEST' } })] };
      }
      return undefined;
    },
    onNext: (_ctx, _req, result) => {
      if (!result.errors?.length) return result;
      return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e) as GraphQLError) };
    },
  });
  const router = express.Router();
  router.use('/graphql/stream', (req, res, next) => {
    gate(req, res).then((admitted) => {
      if (!admitted) return;
      res.locals.admitted = admitted;
      next();
    }, next);
  });
  router.use('/graphql/stream', express.json({ limit: limits.maxBodyBytes }), (req, res, next) => {
    handler(req, res).catch(next);
  });
  return router;
}
