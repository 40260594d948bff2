import type http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import express from 'express';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../db/config';
import { RequestContext } from '../graphql/context';
import { createSchema } from '../api/schema';
import { compiledExecution } from './compiled-execution';
import { DatabaseState } from './database-state';
import { formatErrorFor, outageStatusPlugin } from './format-error';
import { graphiqlRouter } from './graphiql';
import { graphqlPost, isPlainJsonPost } from './graphql-http';
import { healthHandler, type Lifecycle } from './health';
import { ledgerExportRouter } from './ledger-export-route';
import { documentUploadRouter } from './document-upload-route';
import { documentFileRouter } from './document-file-route';
import { uploadPageRouter } from './upload-page';
import { jsonErrorHandler, jsonNotFound, jsonTextErrors, requireJsonPost } from './http-errors';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { createLogger, type Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { NoOperationTypeRule } from './no-operation-type.rule';
import { costLimitPlugin } from './query-cost';
import { filterSizePlugin } from './filter-size-limit';
import { requestLogger, requestMetricsPlugin, sqlExtension } from './request-log';
import { TimedRequestContext } from './timed-context';
import { Authenticator } from '../auth/authenticate';
import { type AuthSettings, DEFAULT_AUTH } from '../auth/auth-settings';
import { RateLimits } from '../auth/rate-limit';
import { mutationsNeedCredentialPlugin } from './mutation-credential';
import { type Admitted, requestGate } from './request-gate';

export interface AppOptions {
  dataSource: DataSource;
  /** Test only: report each request's SQL statements in `extensions.sql`. */
  exposeSql?: boolean;
  /** Structured log; silent when omitted (tests), pino on stdout from main.ts. */
  logger?: Logger;
  /** Older form of `logger`: receives each log line (JSON) as a string. */
  log?: (message: string) => void;
  limits?: Limits;
  /** Introspection and field suggestions ("Did you mean …?"); on unless DUBAN_INTROSPECTION=false. */
  introspection?: boolean;
  /** Starting / ready / stopping, for /health; ready when omitted. */
  lifecycle?: Lifecycle;
  /** Anonymous reads, rate limits, OIDC (auth-settings.ts); the defaults when omitted. */
  auth?: AuthSettings;
}

export interface App {
  /** The HTTP handler: JSON POSTs to /graphql straight to Apollo (graphql-http.ts), everything else through Express. */
  app: http.RequestListener;
  apollo: ApolloServer<RequestContext>;
  metrics: Metrics;
  database: DatabaseState;
  /** Who is asking; `forget()` after revoking a key through another path than the API. */
  authenticator: Authenticator;
}

/**
 * graphql-armor's rules throw by default, which Apollo reports as a 500
 * INTERNAL_SERVER_ERROR; reported as validation errors they are a 400
 * GRAPHQL_VALIDATION_FAILED that names the limit.
 */
const reportInsteadOfThrow = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export async function createApp({
  dataSource,
  exposeSql = false,
  log,
  logger = log ? createLogger({ level: 'info', write: log }) : createLogger({ level: 'silent' }),
  limits = DEFAULT_LIMITS,
  introspection = process.env.DUBAN_INTROSPECTION !== 'false',
  lifecycle = { phase: 'ready' },
  auth = DEFAULT_AUTH,
}: AppOptions): Promise<App> {
  const schema = await createSchema();
  const database = new DatabaseState(logger);
  const metrics = createMetrics(dataSource);
  const formatError = formatErrorFor({ logger, database, limits });
  const apollo = new ApolloServer<RequestContext>({
    // The schema, executed by compiled operations (graphql-jit) through Apollo's executor hook.
    gateway: compiledExecution(schema),
    plugins: [
      // Apollo's landing page loads from CDNs; ours is served from public/graphiql.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; the default cache-control plugin hooks every field resolution (issue 7's profile: ~5% of CPU).
      ApolloServerPluginCacheControlDisabled(),
      mutationsNeedCredentialPlugin(dataSource),
      // Filter size before cost: both run before any resolver, and a filter refusal names the argument.
      filterSizePlugin(schema, limits.maxFilterConditions),
      costLimitPlugin(schema, limits.maxCost),
      outageStatusPlugin(database),
      requestMetricsPlugin(metrics),
      ...(exposeSql ? [sqlExtension()] : []),
    ],
    formatError,
    // Stack traces never leave the process, whatever NODE_ENV says.
    includeStacktraceInErrorResponses: false,
    introspection,
    // Suggestions reveal field names; they go with introspection (see README "Introspection").
    hideSchemaDetailsFromClientErrors: !introspection,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      NoOperationTypeRule,
      maxDepthRule({ n: limits.maxDepth, exposeLimits: true, ...reportInsteadOfThrow }),
      maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...reportInsteadOfThrow }),
    ],
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler would re-raise the signal (exit 143).
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const authenticator = new Authenticator(dataSource, auth);
  const gate = requestGate({ dataSource, authenticator, rateLimits: new RateLimits(dataSource, auth), logger });
  const context = ({ principal, origin }: Admitted) =>
    new TimedRequestContext(dataSource, Date.now() + limits.requestTimeoutMs, limits.requestTimeoutMs, principal, origin);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogger(logger, metrics));
  app.get('/health', healthHandler(dataSource, lifecycle, database));
  app.get('/metrics', metrics.handler);
  app.use(graphiqlRouter(path.join(PROJECT_ROOT, 'public', 'graphiql')));
  // Ledger exports (台账 .xlsx/.csv): reads, through the same context, limits and error formatting as GraphQL.
  app.use(ledgerExportRouter({ schema, limits, context, gate, formatError, database, logger }));
  // Documents in through HTTP (issue 17): upload and preview, and the originals for download.
  app.use(documentUploadRouter({ dataSource, limits, gate, formatError }));
  app.use(documentFileRouter({ dataSource, gate, formatError }));
  app.use(uploadPageRouter(path.join(PROJECT_ROOT, 'public', 'graphiql')));
  app.use(
    '/graphql',
    jsonTextErrors,
    requireJsonPost,
    express.json({ limit: limits.maxBodyBytes }),
    (req, _res, next) => {
      // Express 5 leaves req.body undefined without a body; Apollo wants it set (GET queries).
      req.body ??= {};
      next();
    },
    (req, res, next) => {
      gate(req, res).then((admitted) => {
        if (!admitted) return;
        res.locals.admitted = admitted;
        next();
      }, next);
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const ctx = context(res.locals.admitted as Admitted);
        res.locals.ctx = ctx;
        res.locals.operationName = (req.body as { operationName?: unknown })?.operationName;
        return ctx;
      },
    }),
  );
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(logger, limits));
  const graphql = graphqlPost(apollo, { limits, logger, metrics, gate, context });
  const handler: http.RequestListener = (req, res) => (isPlainJsonPost(req) ? graphql(req, res) : app(req, res));
  return { app: handler, apollo, metrics, database, authenticator };
}
