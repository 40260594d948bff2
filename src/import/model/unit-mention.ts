import type { UnitKind } from '../../unit/unit-kind';

/** A unit as named in one cell, resolved against the registry. */
export interface UnitMention {
  /** Canonical name (registry), or the name as written when unknown. */
  name: string;
  /** The text as the cell wrote it, wrapped lines joined. */
  writtenAs: string;
  /** Parenthesised body the unit acts as: 区商务委（区招商中心）. */
  actingAs: string | null;
  kind: UnitKind;
  /** False when the registry does not know the name: imported as written, flagged for review. */
  known: boolean;
  /** For an unknown name whose kind was guessed from its form: the rule that guessed it. */
  inferredBy?: string;
}
