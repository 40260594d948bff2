import type http from 'node:http';
import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import getRawBody from 'raw-body';
import type { RequestContext } from '../graphql/context';
import { jsonInsteadOfText, send, sendBodyError } from './http-errors';
import type { Limits } from './limits';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import type { Admitted, RequestGate } from './request-gate';
import { type GraphQLRequestInfo, trackRequest } from './request-log';

/**
 * The requests the API exists for, a JSON POST to /graphql, go from node:http
 * straight to Apollo's executeHTTPGraphQLRequest (Apollo's documented way to
 * integrate a server). Express's route for them cost more CPU than running
 * the flagship itself: router, body-parser, an ETag hash of every response,
 * the integration's header copy (issue 7's profile: `{ __typename }` took
 * 0.24 ms of CPU through Express and 0.06 ms this way).
 *
 * Anything else that reaches /graphql (GET, another content type or charset,
 * a compressed body) keeps the Express route and its checks: `isPlainJsonPost`
 * only says which requests are simple enough for this one.
 */
export function isPlainJsonPost(req: http.IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql' || req.headers['content-encoding'] !== undefined) return false;
  const type = req.headers['content-type'];
  return type !== undefined && PLAIN_JSON.test(type);
}

const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export interface GraphQLPostOptions {
  limits: Limits;
  logger: Logger;
  metrics: Metrics;
  /** Who is asking, and within their rate: refuses the request itself when not (request-gate.ts). */
  gate: RequestGate;
  context: (admitted: Admitted) => RequestContext;
}

export function graphqlPost(apollo: ApolloServer<RequestContext>, { limits, logger, metrics, gate, context }: GraphQLPostOptions): http.RequestListener {
  return (req, res) => {
    const info: GraphQLRequestInfo = { operationName: undefined, context: undefined };
    trackRequest(logger, metrics, req, res, () => info);
    // raw-body enforces the body limit (also against a lying Content-Length) and decodes UTF-8 across chunk boundaries.
    getRawBody(req, { length: req.headers['content-length'], limit: limits.maxBodyBytes, encoding: 'utf-8' }).then(
      async (text) => {
        const admitted = await gate(req, res);
        if (!admitted) return;
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch (error) {
          return sendBodyError(res, Object.assign(error as Error, { type: 'entity.parse.failed' }), logger, limits);
        }
        info.operationName = (body as { operationName?: unknown } | null)?.operationName;
        const headers = new HeaderMap();
        for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        const response = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: 'POST', headers, search: '', body },
          context: async () => (info.context = context(admitted)),
        });
        await write(res, response);
      },
      (error: unknown) => {
        // The client is gone mid-body: nobody to answer, and raw-body has stopped reading.
        if ((error as { type?: string }).type === 'request.aborted') return;
        sendBodyError(res, error, logger, limits);
      },
    ).catch((error: unknown) => {
      // executeHTTPGraphQLRequest answers errors itself; reaching here is a bug of ours.
      logger.error({ err: error }, 'unhandled error answering /graphql');
      if (!res.headersSent) send(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.destroy();
    });
  };
}

async function write(res: http.ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  const status = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const json = jsonInsteadOfText(status, headers['content-type'] ?? '', response.body.string);
    if (json !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    res.writeHead(status, headers);
    res.end(json ?? response.body.string);
    return;
  }
  // Incremental delivery (@defer): not in our schema today, but Apollo may answer so; stream the chunks.
  res.writeHead(status, headers);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
