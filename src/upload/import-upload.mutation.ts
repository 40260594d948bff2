import type { EntityManager } from 'typeorm';
import { jurisdictionRelations } from '../auth/relations';
import { toGlobalId } from '../graphql/global-id';
import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import { DocumentImportError, formatProblem } from '../import/model/import-error';
import type { ParsedDocument } from '../import/model/parsed-document';
import type { CheckName } from '../import/model/check-names';
import { SupersedeRefused, writeDocument } from '../import/writer/importer';
import { type Payload, runMutation } from '../mutation/run-mutation';
import { UserErrorCode, userError } from '../mutation/user-error.type';
import { uploadRegistries } from './registry-file';
import { UploadRefused, loadUpload, parseUpload } from './upload.service';

export interface ImportUploadPayloadData extends Payload {
  documentId: number | null;
}

export interface ImportUploadArgs {
  hash: string;
  allow: CheckName[];
  jurisdiction: string | null;
  supersedes: number | null;
  idempotencyKey?: string | null;
}

/**
 * The confirm step of an upload: the stored bytes parsed again (on the parse thread, with this
 * input's checks and jurisdiction, so what is imported is what was previewed with the same
 * parameters) and written in the mutation's one transaction — the document, its tasks, the audit
 * row, the idempotency answer: all or nothing. The jurisdiction the document turns out to have is
 * the policy's target (an office imports its own district's documents). A document the importer
 * refuses is a user error per problem, with its place; bytes already imported are ALREADY_DONE,
 * naming the document they became.
 */
export async function importUpload(ctx: RequestContext, input: ImportUploadArgs): Promise<ImportUploadPayloadData> {
  if (!/^[0-9a-f]{64}$/.test(input.hash)) throw new BadUserInputError('input.hash must be an upload’s SHA-256: 64 lower-case hex digits, as POST /documents answered it.', 'hash');
  const upload = await loadUpload(ctx.dataSource, input.hash);
  let parsed: ParsedDocument | undefined;
  let refused: UploadRefused | undefined;
  if (upload) {
    try {
      parsed = await parseUpload(ctx.dataSource, upload.bytes, upload.filename, { allow: input.allow, jurisdiction: input.jurisdiction ?? undefined });
    } catch (error) {
      if (!(error instanceof UploadRefused)) throw error;
      refused = error;
    }
  }
  // A district not in the database yet is nobody's own but an office serving every district's.
  const jurisdictionId = parsed ? ((await ctx.dataSource.query(`SELECT id FROM jurisdiction WHERE name = $1`, [parsed.document.jurisdiction]))[0]?.id ?? -1) : null;
  return runMutation<ImportUploadPayloadData>(ctx, {
    name: 'importUpload',
    action: 'document.import',
    input,
    target: async () => ({ ids: { upload: input.hash }, relations: jurisdictionRelations(ctx.principal, jurisdictionId) }),
    run: async (tx) => {
      if (!upload) return { userErrors: [userError(UserErrorCode.NOT_FOUND, `No upload has the hash ${input.hash}: POST the file to /documents first.`, 'hash')] };
      if (refused) {
        const problems = refused.extensions.problems as { place: string; message: string }[];
        return { userErrors: problems.map((p) => userError(UserErrorCode.INVALID, `${p.place}: ${p.message}`, null)) };
      }
      try {
        const written = await writeDocument(tx, parsed!, uploadRegistries(), { supersedes: input.supersedes });
        if (written.result.status === 'unchanged') return { userErrors: [await alreadyImported(tx, upload.filename, written.result.documentId)] };
        return { payload: { documentId: written.result.documentId }, target: { ...written.target, upload: input.hash }, before: written.before, after: written.after };
      } catch (error) {
        if (!(error instanceof DocumentImportError)) throw error;
        const field = error instanceof SupersedeRefused ? 'supersedes' : null;
        const code = error instanceof SupersedeRefused ? UserErrorCode.INVALID : UserErrorCode.CONFLICT;
        return { userErrors: error.problems.map((p) => userError(code, formatProblem(p), field)) };
      }
    },
  });
}

async function alreadyImported(tx: EntityManager, filename: string, documentId: number) {
  const [doc] = await tx.query(`SELECT title, file_name, imported_at FROM document WHERE id = $1`, [documentId]);
  return userError(
    UserErrorCode.ALREADY_DONE,
    `${filename} was already imported, as document ${toGlobalId('Document', documentId)} (“${doc.title}”, from ${String(doc.file_name).split(/[\\/]/).pop()}, ${new Date(doc.imported_at).toISOString()}); nothing was changed.`,
    'hash',
  );
}
