import type { ImportWarning, JurisdictionRule } from '../model/parsed-document';

/** What one import did, for the CLI report and the server log. */
export interface ImportResult {
  file: string;
  status: 'imported' | 'unchanged';
  documentId: number;
  kind: string;
  year: number;
  period: string | null;
  /** The district the document was imported into, the rule that decided it and why (ISSUER, TITLE, STATED, UNITS, PLAN). */
  jurisdiction: string;
  jurisdictionRule: JurisdictionRule;
  jurisdictionReason: string;
  /** Items per section as parsed (TARGET: 8, KEY_TASK: 136 …). */
  items: Record<string, number>;
  tasksCreated: number;
  tasksUpdated: number;
  progressUpdates: number;
  assignments: number;
  /** Names the registry did not know, imported as written and flagged for review. */
  flaggedUnits: string[];
  /** For each flagged unit, the kind its form suggested and the rule that said so (…街道 → township/street), or why none applied. */
  flaggedUnitKinds?: Record<string, string>;
  warnings: number;
  /** The warnings themselves (line, message), as the document keeps them. */
  warningMessages: ImportWarning[];
  /** Named checks overridden for this import (--allow); recorded on the document. */
  allowedChecks: string[];
}
