import { type RegistryFile, UnitRegistry } from './unit-registry';

/**
 * The reviewed registries, one per jurisdiction: the same short name is a
 * different body in another district (渝中区's 区文旅委 is not 沙坪坝区's).
 * A jurisdiction nobody has reviewed yet gets an empty registry, so every
 * name of its documents is imported as written and flagged for review, never
 * resolved against another district's units.
 */
export class UnitRegistries {
  private readonly byJurisdiction = new Map<string, UnitRegistry>();

  constructor(registries: UnitRegistry[]) {
    for (const registry of registries) {
      if (this.byJurisdiction.has(registry.jurisdiction)) throw new Error(`two unit registries for ${registry.jurisdiction}`);
      this.byJurisdiction.set(registry.jurisdiction, registry);
    }
  }

  static of(registries: UnitRegistry | UnitRegistries): UnitRegistries {
    return registries instanceof UnitRegistries ? registries : new UnitRegistries([registries]);
  }

  /** The registry of a jurisdiction, empty when none was reviewed. */
  for(jurisdiction: string): UnitRegistry {
    let registry = this.byJurisdiction.get(jurisdiction);
    if (!registry) {
      registry = new UnitRegistry({ jurisdiction, units: [] });
      this.byJurisdiction.set(jurisdiction, registry);
    }
    return registry;
  }

  all(): UnitRegistry[] {
    return [...this.byJurisdiction.values()];
  }
}

/**
 * seeds/units.json is one registry `{ jurisdiction, units }` (沙坪坝区's, as
 * ever) or several: `{ "registries": [ { jurisdiction, units }, … ] }`.
 */
export function registriesFromJson(data: unknown, source: string): UnitRegistries {
  const many = (data as { registries?: unknown })?.registries;
  if (Array.isArray(many)) return new UnitRegistries(many.map((file, k) => new UnitRegistry(file as RegistryFile, `${source}: registries[${k}]`)));
  return new UnitRegistries([new UnitRegistry(data as RegistryFile, source)]);
}
