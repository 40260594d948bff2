import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { BadUserInputError } from '../graphql/errors';
import { fromGlobalId } from '../graphql/global-id';
import { contentTypeOf, downloadHeaders } from '../upload/file-format';
import { loadUpload } from '../upload/upload.service';
import type { RequestGate } from './request-gate';
import { authorizeRoute } from './route-policy';
import { sendRouteError } from './route-error';

export interface DocumentFileRouteOptions {
  dataSource: DataSource;
  gate: RequestGate;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

class NotFound extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

/**
 * GET /documents/<Document id>/file: the original an imported document came from, byte for byte
 * (`Document.file.downloadUrl`). It is the published record, so the policy's `read`, as for the
 * document itself. GET /documents/<content hash>/file also serves an upload not imported (yet):
 * that is the office's draft, `document.upload`. Always an attachment, never rendered by the
 * browser from this origin (an uploaded web page is someone else's markup).
 */
export function documentFileRouter({ dataSource, gate, formatError }: DocumentFileRouteOptions): express.Router {
  const router = express.Router();
  router.get('/documents/:id/file', async (req, res) => {
    const admitted = await gate(req, res);
    if (!admitted) return;
    try {
      const id = String(req.params.id);
      let hash: string;
      if (/^[0-9a-f]{64}$/.test(id)) {
        const [imported] = await dataSource.query(`SELECT id FROM document WHERE content_hash = $1`, [id]);
        await authorizeRoute(dataSource, admitted, imported ? 'read' : 'document.upload', { upload: id });
        hash = id;
      } else {
        const global = fromGlobalId(id);
        if (!global || global.type !== 'Document') throw new BadUserInputError(`“${id.slice(0, 80)}” is neither a Document id (Document.id) nor an upload’s content hash (64 hex digits).`, 'id');
        await authorizeRoute(dataSource, admitted, 'read', { document: global.id });
        const [document] = await dataSource.query(`SELECT content_hash, file_name FROM document WHERE id = $1`, [global.id]);
        if (!document) throw new NotFound(`No document has the id ${id}.`);
        hash = document.content_hash;
      }
      const upload = await loadUpload(dataSource, hash);
      if (!upload) throw new NotFound(`The original of ${id} was not uploaded through the API (it was imported from the server's shell), so there is no file to download.`);
      res.writeHead(200, { ...downloadHeaders(upload.filename), 'content-type': contentTypeOf(upload.format), 'content-length': String(upload.bytes.byteLength) });
      res.end(upload.bytes);
    } catch (error) {
      sendRouteError(res, formatError, error);
    }
  });
  return router;
}
