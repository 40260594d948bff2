import { CHECKS, type CheckName, isCheckName } from '../import/model/check-names';
import { BadUserInputError } from '../graphql/errors';

/** The longest file name kept; longer ones are a client's mistake, not something to truncate silently. */
export const MAX_FILENAME_LENGTH = 255;

/** What an upload says about itself besides its bytes: its name, the checks to let through, its district. */
export interface UploadParams {
  filename: string;
  allow: CheckName[];
  jurisdiction?: string;
}

const KNOWN = new Set(['dryRun', 'allow', 'jurisdiction', 'filename']);

/**
 * The query string and X-Filename header of POST /documents, checked: each mistake is a
 * BAD_USER_INPUT naming the parameter. Checks are spelled as the CLI spells them (stated-count) or
 * as the GraphQL enum (STATED_COUNT). A header carries Latin-1 only, so a Chinese name comes
 * percent-encoded (encodeURIComponent), as the web page sends it, or as raw UTF-8 bytes, as curl sends it.
 */
export function parseUploadParams(query: URLSearchParams, filenameHeader: string | undefined): UploadParams {
  for (const name of new Set(query.keys())) {
    if (!KNOWN.has(name)) throw new BadUserInputError(`Unknown parameter “${name}”: POST /documents takes ${[...KNOWN].join(', ')}.`, name);
    if (query.getAll(name).length > 1) throw new BadUserInputError(`The parameter “${name}” is given more than once.`, name);
  }
  const dryRun = query.get('dryRun');
  if (dryRun !== null && dryRun !== 'true' && dryRun !== 'false') throw new BadUserInputError(`dryRun must be true or false, not “${dryRun.slice(0, 40)}”.`, 'dryRun');
  const allow: CheckName[] = [];
  for (const raw of (query.get('allow') ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const name = raw.toLowerCase().replace(/_/g, '-');
    if (!isCheckName(name)) throw new BadUserInputError(`allow: unknown check “${raw.slice(0, 40)}” (one of ${Object.keys(CHECKS).join(', ')}).`, 'allow');
    if (!allow.includes(name)) allow.push(name);
  }
  const jurisdiction = query.get('jurisdiction')?.trim();
  if (query.has('jurisdiction') && !jurisdiction) throw new BadUserInputError('jurisdiction needs a name (重庆市沙坪坝区, or 沙坪坝区).', 'jurisdiction');
  return { filename: filenameOf(query.get('filename') ?? decodeHeader(filenameHeader)), allow, jurisdiction: jurisdiction || undefined };
}

function decodeHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // `curl -H 'X-Filename: 任务.docx'` sends the name's UTF-8 bytes raw, which Node reads as Latin-1.
  const raw = Buffer.from(value, 'latin1');
  const utf8 = raw.toString('utf8');
  const text = /[\x80-\xff]/.test(value) && !utf8.includes('\ufffd') ? utf8 : value;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The file's own name, without any folder a browser or script put before it. */
function filenameOf(given: string | undefined): string {
  const name = (given ?? '').split(/[\\/]/).pop()!.trim();
  if (!name) throw new BadUserInputError('Name the file: send it in the X-Filename header (percent-encoded) or as ?filename=.', 'filename');
  if (name.length > MAX_FILENAME_LENGTH || /[\u0000-\u001f]/.test(name)) {
    throw new BadUserInputError(`The file name must be 1 to ${MAX_FILENAME_LENGTH} characters without control characters.`, 'filename');
  }
  return name;
}
