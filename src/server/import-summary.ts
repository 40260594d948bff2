import path from 'node:path';
import type { ImportResult } from '../import/writer/import-result';

/**
 * One line per document, warnings counted, not listed: what a server's start-up
 * log says about the seed documents it imported (the warnings themselves are
 * kept on each document, Document.warnings, and logged one per line at debug).
 */
export function summariseImport(results: ImportResult[]): string {
  return results
    .map((r) => {
      const items = Object.entries(r.items).map(([section, n]) => `${n} ${section}`).join(', ');
      return `${path.basename(r.file)}: ${r.kind} ${r.period ?? r.year} as document ${r.documentId} (${items}; ${r.warnings} warning${r.warnings === 1 ? '' : 's'})`;
    })
    .join('; ');
}
