import type { ImportResult } from '../import/writer/import-result';

/** Human-readable lines for the import CLI. */
export function formatImportReport(results: ImportResult[]): string {
  return results
    .map((r) => {
      const items = Object.entries(r.items).map(([section, n]) => `${n} ${section}`).join(', ');
      if (r.status === 'unchanged') return `${r.file}: already imported as document ${r.documentId}; nothing changed\n`;
      const flagged = r.flaggedUnits.length ? `\n  flagged for review: ${r.flaggedUnits.map((n) => (r.flaggedUnitKinds?.[n] ? `${n}（${r.flaggedUnitKinds[n]}）` : n)).join('、')}` : '';
      return (
        `${r.file}: imported ${r.kind} ${r.period ?? r.year} as document ${r.documentId} (${items})\n` +
        `  jurisdiction ${r.jurisdiction} (${r.jurisdictionRule}: ${r.jurisdictionReason})\n` +
        `  tasks created ${r.tasksCreated}, updated ${r.tasksUpdated}; assignments ${r.assignments}; progress updates ${r.progressUpdates}; warnings ${r.warnings}${flagged}\n` +
        (r.allowedChecks.length ? `  checks allowed for this document: ${r.allowedChecks.join(', ')}\n` : '') +
        r.warningMessages.map((w) => `  warning ${r.file}:${w.line}: ${w.message}\n`).join('')
      );
    })
    .join('');
}
