import { UserErrorCode, userError, type UserError } from '../mutation/user-error.type';

/**
 * The longest reason or comment a workflow mutation keeps (延期理由, 当前进展,
 * 审批意见, 办结理由): a long paragraph of an office's memo fits; a pasted
 * report does not, and belongs in the progress report itself.
 */
export const MAX_WORKFLOW_TEXT = 2000;

/**
 * The trimmed text, or the user error that says why it cannot be kept.
 * Required text that is blank after trimming is as missing as no text.
 */
export function workflowText(value: string | null | undefined, field: string, required: boolean): { text: string | null } | { userErrors: UserError[] } {
  const text = value?.trim() || null;
  if (required && !text) return { userErrors: [userError(UserErrorCode.INVALID, `The ${field} must not be empty.`, field)] };
  if (text && text.length > MAX_WORKFLOW_TEXT) return { userErrors: [userError(UserErrorCode.INVALID, `The ${field} is ${text.length} characters long; at most ${MAX_WORKFLOW_TEXT} are kept.`, field)] };
  return { text };
}
