import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { ImportProblem } from '../import/model/import-error';
import { formatPlace } from '../import/model/import-error';
import type { ParsedDocument } from '../import/model/parsed-document';
import type { ParseOptions } from '../import/validation/checks';
import { knownPlans } from '../import/writer/import-files';
import { BadUserInputError } from '../graphql/errors';
import type { Principal } from '../graphql/principal';
import { parseOffThread } from './parse-pool';
import type { Preview } from './parse.worker';
import { uploadRegistryFile } from './registry-file';

/** What POST /documents answers about the stored file (the `upload` of its JSON). */
export interface UploadSummary {
  hash: string;
  size: number;
  format: string;
  filename: string;
}

/** A document the importer refused, as a client's mistake: every problem with its place. */
export class UploadRefused extends BadUserInputError {
  constructor(file: string, problems: ImportProblem[], message: string) {
    super(`${file} cannot be imported:\n${message}`);
    this.extensions.problems = problems.map((p) => ({ place: formatPlace(p), line: p.line ?? null, row: p.row ?? null, field: p.field ?? null, message: p.message }));
  }
}

/**
 * Parses bytes off the request thread, the way the import will: with the plans the database holds
 * (so a report that names no district can belong to the one plan of its year, as `npm run import`
 * reads it). Refused documents throw UploadRefused (400 BAD_USER_INPUT).
 */
export async function parseUpload(dataSource: DataSource, bytes: Uint8Array, file: string, options: ParseOptions): Promise<ParsedDocument> {
  const answer = await parseOffThread({ bytes, file, registryFile: uploadRegistryFile(), options: { ...options, plans: await knownPlans(dataSource) }, want: 'parsed' });
  if ('problems' in answer) throw new UploadRefused(file, answer.problems, answer.message);
  return (answer as { parsed: ParsedDocument }).parsed;
}

/** The same, for the preview: the dry-run JSON made on the parse thread (parse.worker.ts says why). */
export async function previewUpload(dataSource: DataSource, bytes: Uint8Array, file: string, options: ParseOptions): Promise<Preview> {
  const answer = await parseOffThread({ bytes, file, registryFile: uploadRegistryFile(), options: { ...options, plans: await knownPlans(dataSource) }, want: 'preview' });
  if ('problems' in answer) throw new UploadRefused(file, answer.problems, answer.message);
  return (answer as { preview: Preview }).preview;
}

/**
 * Keeps an uploaded original, once per content: the same bytes uploaded again (by anyone, under
 * any name) keep the first upload's name and uploader, as the importer keeps the first import, and
 * the answer says the name that is kept (the one the confirm step and the download will use).
 */
export async function storeUpload(dataSource: DataSource, principal: Principal, bytes: Uint8Array, filename: string, format: string): Promise<UploadSummary> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  // One statement: the insert's row, or (the same bytes were kept before) the row already there.
  const [kept]: { file_name: string }[] = await dataSource.query(
    `WITH inserted AS (
       INSERT INTO document_upload (content_hash, bytes, size, format, file_name, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (content_hash) DO NOTHING RETURNING file_name)
     SELECT file_name FROM inserted UNION ALL SELECT file_name FROM document_upload WHERE content_hash = $1 LIMIT 1`,
    [hash, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes.byteLength, format, filename, principal.accountId],
  );
  return { hash, size: bytes.byteLength, format, filename: kept.file_name };
}

export interface StoredUpload {
  hash: string;
  bytes: Buffer;
  filename: string;
  format: string;
  size: number;
}

/** An upload's bytes by content hash, or null. */
export async function loadUpload(dataSource: DataSource | EntityManager, hash: string): Promise<StoredUpload | null> {
  const [row] = await dataSource.query(`SELECT content_hash AS hash, bytes, file_name AS filename, format, size FROM document_upload WHERE content_hash = $1`, [hash]);
  return row ?? null;
}
