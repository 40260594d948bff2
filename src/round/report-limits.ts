import { UserErrorCode, userError, type UserError } from '../mutation/user-error.type';

/** Longest progress text accepted: the longest row of the seed reports is a few hundred characters; a quarter's report of one task is never a book. */
export const MAX_REPORT_TEXT = 10_000;
/** An attachment is a reference (a file number, a link), not the file. */
export const MAX_ATTACHMENT = 500;
export const MAX_COMMENT = 2_000;

/** The text of a report or contribution as stored, or why it cannot be. */
export function checkText(text: string | null | undefined, field = 'text'): { text: string } | { userErrors: UserError[] } {
  const trimmed = text?.trim() ?? '';
  if (!trimmed) return { userErrors: [userError(UserErrorCode.INVALID, 'The progress text is empty: say what was done (进展情况).', field)] };
  if (trimmed.length > MAX_REPORT_TEXT) {
    return { userErrors: [userError(UserErrorCode.INVALID, `The progress text is ${trimmed.length} characters; at most ${MAX_REPORT_TEXT} are accepted.`, field)] };
  }
  return { text: trimmed };
}

/** Refusals of the optional values of a report (percent 0–100, attachment and comment lengths). */
export function checkExtras(input: { percent?: number | null; attachment?: string | null; comment?: string | null }): UserError[] {
  const errors: UserError[] = [];
  if (input.percent != null && (input.percent < 0 || input.percent > 100)) errors.push(userError(UserErrorCode.INVALID, `percent must be 0 to 100, got ${input.percent}.`, 'percent'));
  if (input.attachment != null && input.attachment.length > MAX_ATTACHMENT) errors.push(userError(UserErrorCode.INVALID, `The attachment reference is longer than ${MAX_ATTACHMENT} characters.`, 'attachment'));
  if (input.comment != null && input.comment.length > MAX_COMMENT) errors.push(userError(UserErrorCode.INVALID, `The comment is longer than ${MAX_COMMENT} characters.`, 'comment'));
  return errors;
}
