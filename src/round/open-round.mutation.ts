import { planRelationsIn } from '../auth/relations';
import type { RequestContext } from '../graphql/context';
import { type Payload, runMutation } from '../mutation/run-mutation';
import { UserErrorCode, userError } from '../mutation/user-error.type';
import { step } from '../workflow/state-machine';
import { periodOf } from './period';
import { ROUND_MACHINE } from './round.machine';
import { ROUND_SELECT, type RoundRow } from './round-row';

export interface OpenRoundPayload extends Payload {
  roundId: number | null;
}

export interface OpenRoundInput {
  planId: number;
  period: string;
  opensOn?: string | null;
  dueOn: string;
  idempotencyKey?: string | null;
}

/** openRound: the office asks for a period's progress of a plan (调度), due on a date. One round per plan and period. */
export function openRound(ctx: RequestContext, input: OpenRoundInput): Promise<OpenRoundPayload> {
  return runMutation<OpenRoundPayload>(ctx, {
    name: 'openRound',
    action: 'round.open',
    input,
    target: async (tx) => ({ ids: { plan: input.planId }, relations: await planRelationsIn(tx, ctx.principal, input.planId) }),
    run: async (tx) => {
      const [plan] = await tx.query(`SELECT id, year FROM plan WHERE id = $1`, [input.planId]);
      if (!plan) return { userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such plan.', 'plan')] };
      const period = periodOf(input.period, plan.year);
      if (!period) {
        return {
          userErrors: [
            userError(UserErrorCode.INVALID, `The ${plan.year} plan has no period “${input.period.slice(0, 40)}”: use ${plan.year}-Q1 … ${plan.year}-Q4 (一季度, 上半年, 前三季度, 全年).`, 'period'),
          ],
        };
      }
      const [{ today }] = await tx.query(`SELECT to_char(duban_today(), 'YYYY-MM-DD') AS today`);
      const opensOn = input.opensOn ?? today;
      if (input.dueOn < opensOn) return { userErrors: [userError(UserErrorCode.INVALID, `dueOn ${input.dueOn} is before the round opens (${opensOn}).`, 'dueOn')] };
      const [existing] = await tx.query(`SELECT state FROM reporting_round WHERE plan_id = $1 AND period = $2`, [plan.id, period]);
      const next = step(ROUND_MACHINE, existing?.state ?? null, 'open', 'period');
      if ('userErrors' in next) return next;
      const [row] = await tx.query(
        `INSERT INTO reporting_round (plan_id, period, opens_on, due_on, state, opened_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [plan.id, period, opensOn, input.dueOn, next.to, ctx.principal.accountId],
      );
      const [after]: RoundRow[] = await tx.query(`${ROUND_SELECT} WHERE id = $1`, [row.id]);
      return { payload: { roundId: after.id }, target: { round: after.id, plan: plan.id }, before: null, after };
    },
  });
}
