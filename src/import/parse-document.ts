import type { DocumentModel } from './model/document-model';
import { interpretDocument, type RegistryFor } from './interpretation/interpret-document';
import type { ParsedDocument } from './model/parsed-document';
import { readDocument } from './readers/read-document';
import type { PreparedLegacy } from './readers/read-legacy-office';
import { UnitRegistries } from './registry/unit-registries';
import type { UnitRegistry } from './registry/unit-registry';
import type { ParseOptions } from './validation/checks';

/**
 * Parses one document, whatever its format, into plain data. Pure: reads
 * nothing but the bytes and the registry, writes nothing (a legacy .xls is
 * the one exception: it goes through LibreOffice in a temporary folder; a
 * .doc is read by word-extractor in a child Node process, writing nothing).
 * Collects every problem before it refuses a document. `prepared`: a legacy
 * file already read without blocking (readers/prepare-legacy.ts).
 */
export function parseDocument(
  bytes: Uint8Array,
  file: string,
  registry: UnitRegistry | UnitRegistries | RegistryFor,
  options: ParseOptions = {},
  prepared?: PreparedLegacy,
): ParsedDocument {
  const model: DocumentModel = readDocument(bytes, file, prepared);
  // Names resolve against the registry of the document's own jurisdiction (an empty one for a new district).
  const registryFor: RegistryFor = typeof registry === 'function' ? registry : (jurisdiction) => UnitRegistries.of(registry).for(jurisdiction);
  const reviewed = typeof registry === 'function' ? [] : UnitRegistries.of(registry).all();
  return interpretDocument(model, bytes, file, registryFor, options, reviewed);
}
