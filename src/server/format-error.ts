import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { BadUserInputError, DatabaseUnavailableError, RequestTimeoutError } from '../graphql/errors';
import type { DatabaseState } from './database-state';
import { isConnectionError, sqlState } from '../sql/database-errors';
import type { Limits } from './limits';
import type { Logger } from './logger';

/**
 * Apollo's CSRF refusal names headers in its own terms; someone trying a plain
 * GET (curl, a browser's address bar) needs the one line that makes it work.
 */
const GET_HINT =
  'A GET query works with the header `apollo-require-preflight: true` (or `x-apollo-operation-name`), e.g. ' +
  "curl -H 'apollo-require-preflight: true' 'http://localhost:4000/graphql?query=%7B__typename%7D'; or POST JSON with `Content-Type: application/json`.";

/**
 * What a client sees of an error. Errors we raise on purpose (BAD_USER_INPUT,
 * validation, limits) pass with their code; PostgreSQL errors a client can
 * cause are translated generically by SQLSTATE; a database outage becomes the
 * retryable DATABASE_UNAVAILABLE; anything else is a bug: a bare
 * INTERNAL_SERVER_ERROR for the client, the stack in the server log.
 * No stack trace or file path is ever part of a response.
 */
export function formatErrorFor({ logger, database, limits }: { logger: Logger; database: DatabaseState; limits: Limits }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const located = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    // graphql-js wraps a thrown value that fails `instanceof Error` (another realm, a plain object) and keeps it here.
    const original = (located as { thrownValue?: unknown } | undefined)?.thrownValue ?? located;
    const translated = translate(original, limits);
    if (translated) {
      if (translated instanceof DatabaseUnavailableError) database.down((original as Error).message);
      return strip({ ...formatted, message: translated.message, extensions: translated.extensions });
    }
    const code = formatted.extensions?.code;
    if (code === 'BAD_REQUEST' && /Cross-Site Request Forgery/.test(formatted.message)) {
      return strip({ ...formatted, message: `${formatted.message.trim()} ${GET_HINT}` });
    }
    if (code && code !== 'INTERNAL_SERVER_ERROR') return strip(formatted);
    logger.error({ err: original, path: formatted.path }, `internal error at ${formatted.path?.join('.') ?? '(request)'}`);
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function translate(error: unknown, limits: Limits): GraphQLError | undefined {
  if (error instanceof GraphQLError && error.extensions?.code) return undefined;
  switch (sqlState(error)) {
    // "invalid byte sequence for encoding UTF8: 0x00" / "unsupported Unicode escape": a NUL in a string argument.
    case '22021':
    case '22P05':
      return new BadUserInputError('A string argument contains a character PostgreSQL text cannot hold (the NUL character \\u0000); remove it.');
    // A value that does not fit its column type (an enum name, an int out of range) came from the request.
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return new BadUserInputError('A value in the request does not fit the type it is compared with (out of range or not a known value).');
    // A unique or foreign key the request ran into (mutations turn these into user errors; this is the net under them).
    case '23505':
      return new BadUserInputError('The request clashes with an existing record (a value that must be unique is taken).');
    case '23503':
      return new BadUserInputError('The request refers to a record that does not exist.');
    case '57014':
      return new RequestTimeoutError('statementTimeoutMs', limits.statementTimeoutMs);
  }
  if (isConnectionError(error)) {
    const message = String((error as { message?: unknown })?.message ?? error);
    const detail = /timeout exceeded when trying to connect/i.test(message)
      ? `no free connection within the pool acquisition timeout of ${limits.poolAcquireTimeoutMs} ms (poolAcquireTimeoutMs)`
      : 'connection refused or lost';
    return new DatabaseUnavailableError(detail);
  }
  return undefined;
}

/** `extensions.http` is for the transport; `stacktrace` must never leave the process. */
function strip(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions) return formatted;
  const { http: _http, stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions as Record<string, unknown>;
  return { ...formatted, extensions };
}

/**
 * HTTP 503 (with Retry-After) when the answer failed because the database is
 * unavailable or the request timed out; and the "outage over" log line on the
 * first request that ran SQL without such an error.
 */
export function outageStatusPlugin(database: DatabaseState): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const codes = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code);
          if (codes.includes('DATABASE_UNAVAILABLE') || codes.includes('QUERY_TIMEOUT')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', '1');
          } else if ((contextValue as { sqlLog?: string[] }).sqlLog?.length) {
            database.up();
          }
        },
      };
    },
  };
}
