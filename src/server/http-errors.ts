import type http from 'node:http';
import type express from 'express';
import type { Limits } from './limits';
import type { Logger } from './logger';

/** The GraphQL-over-HTTP error shape, for errors raised before GraphQL runs. */
function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

export function send(res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(errorBody(code, message));
}

/**
 * An error reading the request body (raw-body's and body-parser's `type`:
 * invalid JSON, body too large, unknown charset, aborted) answered as JSON,
 * never Express's HTML page with a stack trace.
 */
export function sendBodyError(res: http.ServerResponse, error: unknown, logger: Logger, limits: Limits): void {
  const type = (error as { type?: string }).type;
  const status = Number((error as { status?: number }).status) || 500;
  switch (type) {
    case 'entity.parse.failed':
      return send(res, 400, 'BAD_REQUEST', `The request body is not valid JSON: ${String((error as Error).message).replace(/\s+at .*/s, '')}`);
    case 'entity.too.large':
      return send(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the body size limit of ${limits.maxBodyBytes} bytes (maxBodyBytes).`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return send(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be UTF-8 JSON.');
    case 'request.aborted':
      return send(res, 400, 'BAD_REQUEST', 'The request was aborted by the client.');
  }
  if (status >= 400 && status < 500) return send(res, status, 'BAD_REQUEST', 'The request could not be read.');
  logger.error({ err: error }, 'unhandled HTTP error');
  send(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}

export function jsonErrorHandler(logger: Logger, limits: Limits): express.ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    sendBodyError(res, error, logger, limits);
  };
}

/**
 * Apollo answers a few malformed HTTP requests (no query in a GET, a CSRF
 * preflight refusal) with a plain-text 4xx body; clients get JSON there too.
 * The body to send instead of `body`, or undefined to send it as it is.
 */
export function jsonInsteadOfText(status: number, contentType: string, body: unknown): string | undefined {
  if (status >= 400 && typeof body === 'string' && !contentType.includes('json') && !contentType.includes('html')) {
    return errorBody('BAD_REQUEST', body.trim());
  }
  return undefined;
}

/** A POST to /graphql must carry JSON; anything else is refused with 415 instead of reaching Apollo without a body. */
export const requireJsonPost: express.RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is(['application/json', 'application/*+json'])) return next();
  send(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'POST /graphql needs `Content-Type: application/json` and a JSON body {"query": "…", "variables": {…}}.');
};

/** jsonInsteadOfText for the Express route (GET and unusual POSTs to /graphql). */
export const jsonTextErrors: express.RequestHandler = (_req, res, next) => {
  const original = res.send.bind(res);
  res.send = ((body?: unknown) => {
    const json = jsonInsteadOfText(res.statusCode, String(res.getHeader('content-type') ?? ''), body);
    if (json !== undefined) res.type('application/json');
    return original((json ?? body) as never);
  }) as express.Response['send'];
  next();
};

export const jsonNotFound: express.RequestHandler = (req, res) => {
  send(res, 404, 'NOT_FOUND', `No such endpoint: ${req.method} ${req.path}. The API is POST /graphql; health at /health, metrics at /metrics.`);
};
