import { toDryRunJson } from '../cli/dry-run-json';
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
  /**
   * `preview`: only what POST /documents answers — the dry-run JSON as a string, made here, and the
   * letterhead — so a large document's items are not copied back to the request thread and
   * serialised there; `parsed`: the whole ParsedDocument, for the importer.
   */
  want: 'preview' | 'parsed';
}

export interface Preview {
  /** The CLI's `--dry-run --json` of the document, as JSON text. */
  json: string;
  format: string;
  document: ParsedDocument['document'];
}

/** A refused document comes back as data (its problems with their places), not as a thrown error. */
export type ParseAnswer = { parsed: ParsedDocument } | { preview: Preview } | { problems: ImportProblem[]; message: string };

// The reviewed registries are read once per thread (and file): every upload reads against them.
const registries = new Map<string, UnitRegistries>();

export async function parse({ bytes, file, registryFile, options, want }: ParseTask): Promise<ParseAnswer> {
  try {
    let registry = registries.get(registryFile);
    if (!registry) registries.set(registryFile, (registry = loadUnitRegistries(registryFile)));
    const prepared = await prepareLegacy(bytes, file);
    const parsed = parseDocument(bytes, file, registry, options, prepared);
    if (want === 'parsed') return { parsed };
    return { preview: { json: JSON.stringify(toDryRunJson(parsed)), format: parsed.format, document: parsed.document } };
  } catch (error) {
    if (error instanceof DocumentImportError) return { problems: error.problems, message: error.message };
    throw error;
  }
}
