import type http from 'node:http';
import type { GraphQLFormattedError } from 'graphql';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, PAYLOAD_TOO_LARGE: 413, QUERY_TIMEOUT: 503, DATABASE_UNAVAILABLE: 503 };

/**
 * An error of an HTTP route beside GraphQL (uploads, downloads), after the GraphQL reads' own
 * formatting (same codes, no stack trace, internals logged), in the GraphQL error shape with the
 * status its code stands for. The ledger export route does the same for its own codes.
 */
export function sendRouteError(
  res: http.ServerResponse,
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  error: unknown,
  headers: Record<string, string> = {},
): void {
  const formatted = formatError({ message: (error as Error)?.message ?? String(error), extensions: (error as { extensions?: Record<string, unknown> })?.extensions }, error);
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const status = STATUS[code] ?? 500;
  const all: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...headers };
  if (status === 503) all['retry-after'] = '1';
  if (status === 401) all['www-authenticate'] = 'Bearer realm="duban"';
  res.writeHead(status, all);
  res.end(JSON.stringify({ errors: [{ message: formatted.message, extensions: formatted.extensions }] }));
}
