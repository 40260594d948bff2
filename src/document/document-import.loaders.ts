import type { RequestContext } from '../graphql/context';
import { byKey } from '../graphql/context';
import { ImportWarningModel } from './import-warning.type';

export interface DocumentImportNotes {
  warnings: ImportWarningModel[];
  allowedChecks: string[];
}

/**
 * What the import of a document noted. Loaded only when asked for: the
 * warnings of a large document are many, and most queries never read them.
 */
export function loadImportNotes(ctx: RequestContext, documentId: number): Promise<DocumentImportNotes> {
  return ctx
    .loader<number, DocumentImportNotes>('document.importNotes', async (ids) => {
      const rows = await ctx.query<{ id: number; warnings: { line: number; message: string }[]; allowed_checks: string[] }>(
        `SELECT id, warnings, allowed_checks FROM document WHERE id = ANY($1::int[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => r.id, 'document', (r) => ({
        warnings: r.warnings.map((w) => Object.assign(new ImportWarningModel(), { line: w.line, message: w.message })),
        allowedChecks: r.allowed_checks,
      }));
    })
    .load(documentId);
}
