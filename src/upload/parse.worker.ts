import { DocumentImportError, type ImportProblem } from '../import/model/import-error';
import type { ParsedDocument } from '../import/model/parsed-document';
import { parseDocument } from '../import/parse-document';
import { prepareLegacy } from '../import/readers/prepare-legacy';
import { loadUnitRegistries } from '../import/registry/registry-file';
import type { UnitRegistries } from '../import/registry/unit-registries';
import type { ParseOptions } from '../import/validation/checks';

/**
 * What runs on the parse threads (parse-pool.ts): an uploaded document read
 * and interpreted exactly as `npm run import` reads a file, so a large Word
 * file or a slow LibreOffice conversion never holds up the request thread.
 * Loaded by the pool only.
 */

export interface ParseTask {
  bytes: Uint8Array;
  /** The name the uploader gave: the `file` of every place an error names. */
  file: string;
  registryFile: string;
  options: ParseOptions;
}

/** A refused document comes back as data (its problems with their places), not as a thrown error. */
export type ParseAnswer = { parsed: ParsedDocument } | { problems: ImportProblem[]; message: string };

// The reviewed registries are read once per thread (and file): every upload reads against them.
const registries = new Map<string, UnitRegistries>();

export async function parse({ bytes, file, registryFile, options }: ParseTask): Promise<ParseAnswer> {
  try {
    let registry = registries.get(registryFile);
    if (!registry) registries.set(registryFile, (registry = loadUnitRegistries(registryFile)));
    const prepared = await prepareLegacy(bytes, file);
    return { parsed: parseDocument(bytes, file, registry, options, prepared) };
  } catch (error) {
    if (error instanceof DocumentImportError) return { problems: error.problems, message: error.message };
    throw error;
  }
}
