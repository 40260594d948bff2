import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../db/config';
import { RequestContext } from '../graphql/context';
import { createSchema } from '../graphql/schema';
import { graphiqlRouter } from './graphiql';
import { healthHandler } from './health';

export interface AppOptions {
  dataSource: DataSource;
  /** Test only: report each request's SQL statements in `extensions.sql`. */
  exposeSql?: boolean;
  log?: (message: string) => void;
}

export interface App {
  app: express.Express;
  apollo: ApolloServer<RequestContext>;
}

/**
 * Unexpected errors (a bug, a lost connection) reach the client as a bare
 * INTERNAL_SERVER_ERROR; their text and stack stay in the server log.
 * Errors we raise on purpose (BAD_USER_INPUT, validation) pass unchanged.
 */
function maskInternalErrors(log: (message: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    log(`internal error at ${formatted.path?.join('.') ?? '(request)'}: ${(original as Error)?.stack ?? String(original)}`);
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function sqlExtension(): ApolloServerPlugin<RequestContext> {
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

export async function createApp({ dataSource, exposeSql = false, log = console.error }: AppOptions): Promise<App> {
  const apollo = new ApolloServer<RequestContext>({
    schema: await createSchema(),
    // Apollo's landing page loads from CDNs; ours is served from public/graphiql.
    // No cache hints are used; the default cache-control plugin hooks every field resolution (issue 7's profile: ~5% of CPU).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...(exposeSql ? [sqlExtension()] : [])],
    formatError: maskInternalErrors(log),
    introspection: true,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', healthHandler(dataSource));
  app.use(graphiqlRouter(path.join(PROJECT_ROOT, 'public', 'graphiql')));
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: async () => new RequestContext(dataSource) }),
  );
  return { app, apollo };
}
