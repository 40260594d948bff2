import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { DocumentImportError, type ImportProblem } from '../model/import-error';
import { parseDocument } from '../parse-document';
import type { ParsedDocument } from '../model/parsed-document';
import type { UnitRegistries } from '../registry/unit-registries';
import type { UnitRegistry } from '../registry/unit-registry';
import type { KnownPlan, ParseOptions } from '../validation/checks';
import { DocumentKind } from '../../document/document-kind';
import type { ImportResult } from './import-result';
import { importDocument } from './importer';

/**
 * Reads and parses files; refuses all of them if any is unreadable or malformed, naming every problem.
 * A plan parsed earlier in the same call counts as known (`options.plans`) for the reports after it.
 */
export function parseFiles(files: string[], registry: UnitRegistry | UnitRegistries, options: ParseOptions = {}): ParsedDocument[] {
  const problems: ImportProblem[] = [];
  const parsed: ParsedDocument[] = [];
  const plans = [...(options.plans ?? [])];
  for (const file of files) {
    try {
      const doc = parseDocument(readFile(file), file, registry, { ...options, plans });
      parsed.push(doc);
      if (doc.document.kind === DocumentKind.PLAN) plans.push({ jurisdiction: doc.document.jurisdiction, year: doc.document.year });
    } catch (error) {
      if (error instanceof DocumentImportError) for (const problem of error.problems) problems.push(problem);
      else throw error;
    }
  }
  if (problems.length) throw new DocumentImportError(problems);
  return parsed;
}

/**
 * Parses every file first, then imports them in order, one transaction per document. The plans the
 * database holds are read first, so that a report that names no district can belong to the one plan
 * of its year; an upload route passes the uploader's `jurisdiction` in `options` the same way.
 */
export async function importFiles(dataSource: DataSource, files: string[], registry: UnitRegistry | UnitRegistries, options: ParseOptions = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const plans = [...(await knownPlans(dataSource)), ...(options.plans ?? [])];
  for (const parsed of parseFiles(files, registry, { ...options, plans })) results.push(await importDocument(dataSource, parsed, registry));
  return results;
}

/** Every (jurisdiction, year) that has a plan row: a plan document's, or one a report created. */
export async function knownPlans(dataSource: DataSource): Promise<KnownPlan[]> {
  const rows: { jurisdiction: string; year: number }[] = await dataSource.query(`SELECT j.name AS jurisdiction, p.year FROM plan p JOIN jurisdiction j ON j.id = p.jurisdiction_id`);
  return rows.map((r) => ({ jurisdiction: r.jurisdiction, year: Number(r.year) }));
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
