/**
 * What a database error is, read off pg's and TypeORM's errors: shared by the
 * error formatting and request gate of src/server/ and by resolvers that must
 * tell "no such row" from an outage (node(id:)), so it lives below both.
 */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '3D000']);
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

/** SQLSTATE of a pg error, whether raw or wrapped by TypeORM (QueryFailedError.driverError). */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A lost or refused connection, a server shutting down, or no free pooled connection in time. */
export function isConnectionError(error: unknown): boolean {
  const code = sqlState(error);
  if (code && (CONNECTION_SQLSTATES.has(code) || code.startsWith('08') || CONNECTION_ERRNOS.has(code))) return true;
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  return /timeout exceeded when trying to connect|Connection terminated|connection is insecure|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)|Cannot use a pool after calling end|Driver not Connected/i.test(
    message,
  );
}
