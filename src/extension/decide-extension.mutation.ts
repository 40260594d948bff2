import type { RequestContext } from '../graphql/context';
import { sql } from '../sql/sql';
import { runMutation } from '../mutation/run-mutation';
import { UserErrorCode, userError } from '../mutation/user-error.type';
import { workflowText } from '../workflow/workflow-text';
import { changeExtension, extensionTarget } from './extension-change';
import type { ExtensionPayload } from './extension-payload';

export interface ApproveExtensionInput {
  requestId: number;
  /** ISO date; default the requested one. */
  due?: string | null;
  comment?: string | null;
  expectedVersion?: number | null;
  idempotencyKey?: string | null;
}

/**
 * 延期审批, yes: the office fixes the new deadline (the requested date unless
 * it says another, which must still be after the current deadline), and the
 * task's due, its lights and the stored facts read it from this transaction on.
 */
export function approveExtension(ctx: RequestContext, input: ApproveExtensionInput): Promise<ExtensionPayload> {
  return runMutation<ExtensionPayload>(ctx, {
    name: 'approveExtension',
    action: 'extension.decide',
    input,
    target: (tx) => extensionTarget(ctx, tx, input.requestId),
    run: async (tx) => {
      const comment = workflowText(input.comment, 'comment', false);
      if ('userErrors' in comment) return comment;
      return changeExtension(tx, input, 'approve', (request, task, to) => {
        if (task.closed) return { userErrors: [userError(UserErrorCode.ILLEGAL_TRANSITION, 'The task is CLOSED (办结): approve is possible only while it is open; refuse the request or reopen the task.', 'request')] };
        const due = input.due ?? request.requested_due;
        if (due <= task.due) return { userErrors: [userError(UserErrorCode.INVALID, `The new deadline ${due} must be after the current one, ${task.due}.`, input.due ? 'due' : 'request')] };
        return sql`state = ${sql.value(to, 'extension_state')}, approved_due = ${sql.value(due, 'date')}, comment = ${sql.value(comment.text, 'text')},
          decided_by = ${sql.value(ctx.principal.accountId, 'int')}, decided_at = now()`;
      });
    },
  });
}

export interface RefuseExtensionInput {
  requestId: number;
  comment: string;
  expectedVersion?: number | null;
  idempotencyKey?: string | null;
}

/** 延期审批, no: the office declines with a comment; the deadline stands. */
export function refuseExtension(ctx: RequestContext, input: RefuseExtensionInput): Promise<ExtensionPayload> {
  return runMutation<ExtensionPayload>(ctx, {
    name: 'refuseExtension',
    action: 'extension.decide',
    input,
    target: (tx) => extensionTarget(ctx, tx, input.requestId),
    run: async (tx) => {
      const comment = workflowText(input.comment, 'comment', true);
      if ('userErrors' in comment) return comment;
      return changeExtension(tx, input, 'refuse', (_request, _task, to) =>
        sql`state = ${sql.value(to, 'extension_state')}, comment = ${sql.value(comment.text, 'text')}, decided_by = ${sql.value(ctx.principal.accountId, 'int')}, decided_at = now()`,
      );
    },
  });
}
