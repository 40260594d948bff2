import { taskRelationsIn } from '../auth/relations';
import type { RequestContext } from '../graphql/context';
import { type Payload, runMutation } from '../mutation/run-mutation';
import { checkText } from './report-limits';
import { roundAndTask } from './write-report.mutation';

export interface ContributePayload extends Payload {
  contributionId: number | null;
}

/**
 * contributeProgress: a co-unit (配合单位) writes its part of a task's
 * progress in a round, one text per unit, rewritten as it changes. The lead
 * unit sees it on the report (ProgressReport.contributions) and in the text
 * offered to start from (Round.startingText), and includes what it chooses.
 */
export function contributeProgress(ctx: RequestContext, input: { roundId: number; taskId: number; text: string; idempotencyKey?: string | null }): Promise<ContributePayload> {
  return runMutation<ContributePayload>(ctx, {
    name: 'contributeProgress',
    action: 'report.contribute',
    input,
    target: async (tx) => ({ ids: { round: input.roundId, task: input.taskId, unit: ctx.principal.unitId }, relations: await taskRelationsIn(tx, ctx.principal, input.taskId) }),
    run: async (tx) => {
      const text = checkText(input.text);
      if ('userErrors' in text) return text;
      const place = await roundAndTask(tx, input.roundId, input.taskId);
      if ('userErrors' in place) return place;
      const [before] = await tx.query(`SELECT id, text FROM progress_contribution WHERE round_id = $1 AND task_id = $2 AND unit_id = $3 FOR UPDATE`, [
        input.roundId,
        input.taskId,
        ctx.principal.unitId,
      ]);
      const [after] = await tx.query(
        `INSERT INTO progress_contribution (round_id, task_id, unit_id, text) VALUES ($1, $2, $3, $4)
         ON CONFLICT (round_id, task_id, unit_id) DO UPDATE SET text = EXCLUDED.text, updated_at = now() RETURNING id, text`,
        [input.roundId, input.taskId, ctx.principal.unitId, text.text],
      );
      return { payload: { contributionId: after.id }, target: { contribution: after.id, round: input.roundId, task: input.taskId, unit: ctx.principal.unitId }, before: before ?? null, after };
    },
  });
}
