import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { DocumentImportError, type ImportProblem } from '../model/import-error';
import { parseDocument } from '../parse-document';
import type { ParsedDocument } from '../model/parsed-document';
import type { UnitRegistries } from '../registry/unit-registries';
import type { UnitRegistry } from '../registry/unit-registry';
import type { ParseOptions } from '../validation/checks';
import type { ImportResult } from './import-result';
import { importDocument } from './importer';

/** Reads and parses files; refuses all of them if any is unreadable or malformed, naming every problem. */
export function parseFiles(files: string[], registry: UnitRegistry | UnitRegistries, options: ParseOptions = {}): ParsedDocument[] {
  const problems: ImportProblem[] = [];
  const parsed: ParsedDocument[] = [];
  for (const file of files) {
    try {
      parsed.push(parseDocument(readFile(file), file, registry, options));
    } catch (error) {
      if (error instanceof DocumentImportError) for (const problem of error.problems) problems.push(problem);
      else throw error;
    }
  }
  if (problems.length) throw new DocumentImportError(problems);
  return parsed;
}

/** Parses every file first, then imports them in order, one transaction per document. */
export async function importFiles(dataSource: DataSource, files: string[], registry: UnitRegistry | UnitRegistries, options: ParseOptions = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const parsed of parseFiles(files, registry, options)) results.push(await importDocument(dataSource, parsed, registry));
  return results;
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a document' : (error as Error).message;
    throw new DocumentImportError([{ file, message: reason }]);
  }
}

/** The documents of a seeds folder: its .txt files in name order (plans and reports are independent of order). */
export function seedDocuments(seedsDir: string): string[] {
  return fs
    .readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(seedsDir, name));
}
