import type { RequestContext } from '../graphql/context';
import { runMutation } from '../mutation/run-mutation';
import { UserErrorCode, userError } from '../mutation/user-error.type';
import { taskRelationsIn } from '../auth/relations';
import { step } from '../workflow/state-machine';
import { lockTask } from '../workflow/task-lock';
import { workflowText } from '../workflow/workflow-text';
import type { ExtensionPayload } from './extension-payload';
import { EXTENSION_REQUEST_COLUMNS, type ExtensionRequestRow } from './extension-request.type';
import { EXTENSION_MACHINE } from './extension.machine';
import { ExtensionState } from './extension-state';

export interface RequestExtensionInput {
  taskId: number;
  /** ISO date. */
  newDue: string;
  reason: string;
  progress?: string | null;
  idempotencyKey?: string | null;
}

/**
 * 延期申请: a lead unit asks, before the deadline, to move it to a later date.
 * One pending request per task: a second is an illegal transition until the
 * first is answered or withdrawn. A closed task (办结) takes none.
 */
export function requestExtension(ctx: RequestContext, input: RequestExtensionInput): Promise<ExtensionPayload> {
  return runMutation<ExtensionPayload>(ctx, {
    name: 'requestExtension',
    action: 'extension.request',
    input,
    target: async (tx) => ({ ids: { task: input.taskId, unit: ctx.principal.unitId }, relations: await taskRelationsIn(tx, ctx.principal, input.taskId) }),
    run: async (tx) => {
      const reason = workflowText(input.reason, 'reason', true);
      if ('userErrors' in reason) return reason;
      const progress = workflowText(input.progress, 'progress', false);
      if ('userErrors' in progress) return progress;
      const task = await lockTask(tx, input.taskId);
      if (!task) return { userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such task.', 'task')] };
      if (task.closed) return { userErrors: [userError(UserErrorCode.ILLEGAL_TRANSITION, 'The task is CLOSED (办结): request is possible only while it is open; the office must reopen it first.', 'task')] };
      const [pending]: { id: number }[] = await tx.query(`SELECT id FROM extension_request WHERE task_id = $1 AND state = 'PENDING'`, [input.taskId]);
      const next = step(EXTENSION_MACHINE, pending ? ExtensionState.PENDING : null, 'request', 'task');
      if ('userErrors' in next) {
        next.userErrors[0].message += ` The task already has a pending request (ExtensionRequest ${pending.id}): wait for the office’s answer or withdraw it.`;
        return next;
      }
      if (task.today > task.due) {
        return { userErrors: [userError(UserErrorCode.INVALID, `The task was due ${task.due}: an extension must be asked for on or before the deadline (today is ${task.today}).`, 'task')] };
      }
      if (input.newDue <= task.due) {
        return { userErrors: [userError(UserErrorCode.INVALID, `The new deadline ${input.newDue} must be after the current one, ${task.due}.`, 'newDue')] };
      }
      const [row]: ExtensionRequestRow[] = await tx.query(
        `INSERT INTO extension_request (task_id, unit_id, requested_by, state, previous_due, requested_due, reason, progress)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${EXTENSION_REQUEST_COLUMNS}`,
        [input.taskId, ctx.principal.unitId, ctx.principal.accountId, next.to, task.due, input.newDue, reason.text, progress.text],
      );
      return {
        payload: { extensionRequestId: row.id, taskId: input.taskId },
        target: { task: input.taskId, extensionRequest: row.id, unit: row.unit_id },
        after: row,
      };
    },
  });
}
