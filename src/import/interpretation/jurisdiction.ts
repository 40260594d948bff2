import { DocumentKind } from '../../document/document-kind';
import type { JurisdictionRule } from '../model/parsed-document';
import type { UnitRegistry } from '../registry/unit-registry';
import type { KnownPlan } from '../validation/checks';

/** What the letterhead says of the district: its issuer (…区人民政府…) or its title (…区2024年…), or nothing. */
export interface NamedJurisdiction {
  jurisdiction: string;
  from: 'issuer' | 'title';
}

export interface JurisdictionInput {
  named: NamedJurisdiction | null;
  /** The issuer line as written, when there is one that names no district. */
  issuer: string | null;
  /** Stated by whoever imports (--jurisdiction on the CLI; a parameter of an upload route). */
  stated?: string;
  kind: DocumentKind;
  year: number;
  /** The reviewed registries, and how many of the document's unit names each recognises. */
  recognition: { registry: UnitRegistry; known: number; total: number }[];
  /** Plans already in the database (or earlier in the same import), for a report to belong to. */
  plans: readonly KnownPlan[];
}

export type JurisdictionChoice = { jurisdiction: string; rule: JurisdictionRule; because: string } | { problem: string };

/**
 * The district a document belongs to. The document's own word first (its
 * issuer, else its title); then what the importer states; then, for the sheets
 * mailed round between offices that name no district (…年…推进情况台账), the
 * one reviewed registry that recognises every unit name and no other does,
 * and for a progress report the one plan of its year it can belong to. When
 * the registry and the plans point at different districts, or several fit
 * equally, it is truly ambiguous: refused, listing the candidates.
 */
export function chooseJurisdiction(input: JurisdictionInput): JurisdictionChoice {
  const { named, stated } = input;
  if (named && stated !== undefined && stated !== named.jurisdiction) {
    return { problem: `the document names its jurisdiction ${named.jurisdiction} (in its ${named.from}), but the import states ${stated}: import it without --jurisdiction, or with --jurisdiction ${named.jurisdiction}` };
  }
  if (named) return { jurisdiction: named.jurisdiction, rule: named.from === 'issuer' ? 'ISSUER' : 'TITLE', because: `named by the document's ${named.from}` };
  if (stated !== undefined) return { jurisdiction: stated, rule: 'STATED', because: 'stated for the import (--jurisdiction)' };

  const complete = input.recognition.filter((r) => r.total > 0 && r.known === r.total);
  const byUnits = complete.length === 1 ? complete[0] : undefined;
  const plans = input.kind === DocumentKind.PROGRESS_REPORT ? [...new Set(input.plans.filter((p) => p.year === input.year).map((p) => p.jurisdiction))] : [];
  const byPlan = plans.length === 1 ? plans[0] : undefined;

  if (byUnits && (!byPlan || byPlan === byUnits.registry.jurisdiction)) {
    return {
      jurisdiction: byUnits.registry.jurisdiction,
      rule: 'UNITS',
      because: `all ${byUnits.total} unit names are in the registry of ${byUnits.registry.jurisdiction} and no other registry knows them all`,
    };
  }
  // The plan decides when the unit names do not, or when they fit it and other districts equally.
  if (byPlan && (complete.length === 0 || (!byUnits && complete.some((r) => r.registry.jurisdiction === byPlan)))) {
    const tie = complete.length > 1 ? ` (the unit names fit the registries of ${complete.map((r) => r.registry.jurisdiction).join(', ')})` : '';
    return { jurisdiction: byPlan, rule: 'PLAN', because: `the only plan of ${input.year} in the database is ${byPlan}'s, and a report belongs to a plan of its year${tie}` };
  }

  const candidates = new Set([...complete.map((r) => r.registry.jurisdiction), ...plans]);
  const described = [...candidates].map((j) => {
    const r = input.recognition.find((x) => x.registry.jurisdiction === j);
    const notes = [r ? `its registry knows ${r.known} of ${r.total} unit names` : '', plans.includes(j) ? `has a ${input.year} plan` : ''].filter(Boolean);
    return `${j} (${notes.join('; ')})`;
  });
  const letterhead = input.issuer ? `its issuer “${input.issuer}” names no …区/县/市人民政府 and its title names no district` : 'it names no issuer, and its title names no district';
  const why =
    described.length > 1
      ? `it could belong to any of ${described.join(', ')}`
      : `no reviewed registry recognises all of its unit names${input.recognition.length ? ` (${input.recognition.map((r) => `${r.registry.jurisdiction} knows ${r.known} of ${r.total}`).join(', ')})` : ''}${input.kind === DocumentKind.PROGRESS_REPORT ? ` and the database has no plan of ${input.year}` : ''}`;
  return { problem: `cannot tell the jurisdiction: ${letterhead}; ${why}. Say which with --jurisdiction <name>` };
}

/** A short name (沙坪坝区) stands for the one reviewed jurisdiction it ends (重庆市沙坪坝区); anything else is taken as written. */
export function canonicalJurisdiction(name: string, registries: readonly UnitRegistry[]): string {
  const trimmed = name.trim();
  if (registries.some((r) => r.jurisdiction === trimmed)) return trimmed;
  const matches = registries.filter((r) => r.jurisdiction.endsWith(trimmed));
  return matches.length === 1 ? matches[0].jurisdiction : trimmed;
}
