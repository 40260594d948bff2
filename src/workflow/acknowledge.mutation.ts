import type { RequestContext } from '../graphql/context';
import { type Payload, runMutation } from '../mutation/run-mutation';
import { UserErrorCode, userError } from '../mutation/user-error.type';
import { taskRelationsIn } from '../auth/relations';
import { ACKNOWLEDGEMENT_SELECT, type AcknowledgementRow } from './acknowledgement.type';

export const MAX_NOTE_LENGTH = 2000;

export interface AcknowledgePayload extends Payload {
  taskId: number | null;
  acknowledgementId: number | null;
}

/**
 * 签收: the principal's unit signs for a task it leads or co-operates on.
 * Once per task and unit: a second receipt is ALREADY_DONE, not a new row.
 */
export function acknowledgeTask(ctx: RequestContext, input: { taskId: number; note?: string | null; idempotencyKey?: string | null }): Promise<AcknowledgePayload> {
  return runMutation<AcknowledgePayload>(ctx, {
    name: 'acknowledgeTask',
    action: 'task.acknowledge',
    input,
    // An unknown task has only the ANY relation: refused exactly like another unit's task.
    target: async (tx) => ({ ids: { task: input.taskId, unit: ctx.principal.unitId }, relations: await taskRelationsIn(tx, ctx.principal, input.taskId) }),
    run: async (tx) => {
      const note = input.note?.trim() || null;
      if (note && note.length > MAX_NOTE_LENGTH) return { userErrors: [userError(UserErrorCode.INVALID, `The note is longer than ${MAX_NOTE_LENGTH} characters.`, 'note')] };
      const [done]: AcknowledgementRow[] = await tx.query(`${ACKNOWLEDGEMENT_SELECT} WHERE task_id = $1 AND unit_id = $2`, [input.taskId, ctx.principal.unitId]);
      if (done) {
        return { userErrors: [userError(UserErrorCode.ALREADY_DONE, `Your unit signed for this task at ${new Date(done.acknowledged_at).toISOString()}.`, 'task')] };
      }
      const [row]: AcknowledgementRow[] = await tx.query(
        `INSERT INTO task_acknowledgement (task_id, unit_id, account_id, note) VALUES ($1, $2, $3, $4)
         RETURNING id, task_id, unit_id, account_id, note, acknowledged_at`,
        [input.taskId, ctx.principal.unitId, ctx.principal.accountId, note],
      );
      return { payload: { taskId: input.taskId, acknowledgementId: row.id }, target: { task: input.taskId, unit: row.unit_id }, after: row };
    },
  });
}
