import { UnitKind } from '../../unit/unit-kind';
import { normaliseUnitName } from '../../unit/unit-name-normalise';

/** One reviewed entry of seeds/units.json. */
export interface RegistryEntry {
  name: string;
  kind: UnitKind;
  aliases: string[];
  /** Why the entry is as it is, for the next reviewer (optional). */
  note?: string;
}

export interface RegistryFile {
  jurisdiction: string;
  units: RegistryEntry[];
}

/**
 * The curated list of units of one jurisdiction: canonical name, kind and
 * every other spelling seen in documents. The parser resolves names through
 * it; names it does not know are kept as written and flagged.
 */
export class UnitRegistry {
  readonly jurisdiction: string;
  readonly entries: readonly RegistryEntry[];
  private readonly byName = new Map<string, RegistryEntry>();
  /** Longest spelling: a glued name's parts are never longer, which keeps splitGlued linear in the text. */
  private longest = 0;

  constructor(file: RegistryFile, source = 'units registry') {
    const problems: string[] = [];
    if (typeof file?.jurisdiction !== 'string' || !Array.isArray(file.units)) {
      throw new Error(`${source}: expected { "jurisdiction": string, "units": [...] }`);
    }
    this.jurisdiction = file.jurisdiction;
    this.entries = file.units;
    file.units.forEach((entry, index) => {
      const where = `${source}: units[${index}] (${entry?.name})`;
      if (typeof entry.name !== 'string' || !entry.name) problems.push(`${where}: name is missing`);
      if (!Object.values(UnitKind).includes(entry.kind) || entry.kind === UnitKind.UNKNOWN) {
        problems.push(`${where}: kind "${entry.kind}" is not one of ${Object.values(UnitKind).filter((k) => k !== UnitKind.UNKNOWN).join(', ')}`);
      }
      for (const spelling of [entry.name, ...(entry.aliases ?? [])]) {
        const key = normaliseUnitName(spelling);
        const taken = this.byName.get(key);
        if (taken && taken !== entry) problems.push(`${where}: "${spelling}" is already a name of ${taken.name}`);
        this.byName.set(key, entry);
        this.longest = Math.max(this.longest, key.length);
      }
    });
    if (problems.length) throw new Error(problems.join('\n'));
  }

  /** The entry for a canonical name or alias, after spacing/bracket normalisation. */
  lookup(name: string): RegistryEntry | undefined {
    return this.byName.get(normaliseUnitName(name));
  }

  /**
   * Splits a run of glued names ("区规划自然资源局区农业农村委") into known
   * names, or returns undefined when it is not made only of known names.
   * Prefers the split with the fewest parts (longest names first).
   */
  splitGlued(text: string): RegistryEntry[] | undefined {
    const s = normaliseUnitName(text);
    const best: (RegistryEntry[] | undefined)[] = new Array(s.length + 1).fill(undefined);
    best[0] = [];
    for (let end = 1; end <= s.length; end++) {
      for (let start = Math.max(0, end - this.longest); start < end; start++) {
        const head = best[start];
        const entry = head && this.byName.get(s.slice(start, end));
        if (entry && (!best[end] || best[end]!.length > head.length + 1)) best[end] = [...head, entry];
      }
    }
    const parts = best[s.length];
    return parts && parts.length >= 2 ? parts : undefined;
  }
}
