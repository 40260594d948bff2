import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import getRawBody from 'raw-body';
import type { DataSource } from 'typeorm';
import { appendAudit } from '../audit/audit-log';
import { AuditDecision } from '../audit/audit.entity';
import { BadUserInputError } from '../graphql/errors';
import { parseUploadParams } from '../upload/upload-params';
import { previewUpload, storeUpload } from '../upload/upload.service';
import type { Limits } from './limits';
import type { RequestGate } from './request-gate';
import { authorizeRoute } from './route-policy';
import { sendRouteError } from './route-error';

export interface DocumentUploadRouteOptions {
  dataSource: DataSource;
  limits: Limits;
  gate: RequestGate;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

class PayloadTooLarge extends GraphQLError {
  constructor(limit: number) {
    super(`The document is larger than the upload limit of ${limit} bytes (maxUploadBytes, DUBAN_MAX_UPLOAD_BYTES); split it or ask the administrator to raise the limit.`, {
      extensions: { code: 'PAYLOAD_TOO_LARGE', limit },
    });
  }
}

/**
 * POST /documents: the file's bytes as the body (any format `npm run import` reads, recognised by
 * content), its name in X-Filename (percent-encoded) or ?filename=. The office's preview step:
 * the document is parsed on the parse thread exactly as the import would read it, the original is
 * kept by its SHA-256, and the answer is `{ upload: { hash, size, format, filename }, preview }` with
 * the CLI's `--dry-run --json` as the preview. Nothing is imported (`importUpload` does that, by
 * hash); `?dryRun=true` says so explicitly and answers the same. Refusals: 401 without a credential,
 * 403 for a role that may not upload, 413 over the upload limit (checked on Content-Length before
 * reading, and while reading), 400 BAD_USER_INPUT naming the parameter, or the document's every
 * problem with its place.
 */
export function documentUploadRouter({ dataSource, limits, gate, formatError }: DocumentUploadRouteOptions): express.Router {
  const router = express.Router();
  router.post('/documents', async (req, res) => {
    const admitted = await gate(req, res);
    if (!admitted) return;
    try {
      await authorizeRoute(dataSource, admitted, 'document.upload', { upload: null });
      const params = parseUploadParams(new URL(req.originalUrl, 'http://localhost').searchParams, req.header('x-filename'));
      const bytes = await readBody(req, limits.maxUploadBytes);
      const preview = await previewUpload(dataSource, bytes, params.filename, { allow: params.allow, jurisdiction: params.jurisdiction });
      const upload = await storeUpload(dataSource, admitted.principal, bytes, params.filename, preview.format);
      await appendAudit(dataSource, admitted.principal, admitted.origin, {
        action: 'document.upload',
        decision: AuditDecision.ALLOWED,
        rule: 'office-uploads',
        reason: `uploaded ${params.filename}`,
        target: { upload: upload.hash },
        after: { ...upload, kind: preview.document.kind, year: preview.document.year, period: preview.document.period, jurisdiction: preview.document.jurisdiction },
      });
      // The preview is JSON text already (made on the parse thread): spliced in, not parsed and serialised again.
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`{"upload":${JSON.stringify(upload)},"preview":${preview.json}}`);
    } catch (error) {
      // A refused upload's rest is not read: the connection closes rather than draining megabytes.
      if (!req.complete) res.setHeader('connection', 'close');
      sendRouteError(res, formatError, error);
    }
  });
  return router;
}

async function readBody(req: express.Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLarge(limit);
  try {
    const body = await getRawBody(req, { limit, length: req.headers['content-length'] });
    if (body.byteLength === 0) throw new BadUserInputError('The request has no body: send the document’s bytes as the body of the POST.', 'body');
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') throw new PayloadTooLarge(limit);
    if (type === 'request.aborted' || type === 'request.size.invalid') throw new BadUserInputError('The upload was cut short: fewer bytes arrived than Content-Length announced.', 'body');
    throw error;
  }
}
