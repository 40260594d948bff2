import type { RequestContext } from '../graphql/context';
import { toGlobalId } from '../graphql/global-id';
import { DocumentFileModel } from './document-file.type';

/** What the upload concept adds to a document: its original file and its place among versions. */
export interface DocumentVersioning {
  file: DocumentFileModel | null;
  supersedesId: number | null;
  supersededById: number | null;
}

interface Row {
  id: number;
  supersedes_id: number | null;
  superseded_by: number | null;
  content_hash: string | null;
  size: number | null;
  format: string | null;
  file_name: string | null;
  uploaded_by: string | null;
  uploaded_at: Date | null;
}

/** One statement per batch of documents: the upload row (if the document came through the API) and both version links. */
export function loadDocumentVersioning(ctx: RequestContext, documentId: number): Promise<DocumentVersioning> {
  return ctx
    .loader<number, DocumentVersioning>('upload.documentVersioning', async (ids) => {
      const rows = await ctx.query<Row>(
        `SELECT d.id, d.supersedes_id, n.id AS superseded_by, up.content_hash, up.size, up.format, up.file_name, a.name AS uploaded_by, up.uploaded_at
         FROM document d
         LEFT JOIN document n ON n.supersedes_id = d.id
         LEFT JOIN document_upload up ON up.content_hash = d.content_hash
         LEFT JOIN account a ON a.id = up.uploaded_by
         WHERE d.id = ANY($1::int[])`,
        [ids],
      );
      const found = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => {
        const r = found.get(id);
        if (!r) return { file: null, supersedesId: null, supersededById: null };
        const file =
          r.content_hash === null
            ? null
            : Object.assign(new DocumentFileModel(), {
                hash: r.content_hash,
                size: r.size!,
                format: r.format!,
                filename: r.file_name!,
                uploadedBy: r.uploaded_by,
                uploadedAt: new Date(r.uploaded_at!).toISOString(),
                downloadUrl: `/documents/${encodeURIComponent(toGlobalId('Document', id))}/file`,
              });
        return { file, supersedesId: r.supersedes_id, supersededById: r.superseded_by };
      });
    })
    .load(documentId);
}
