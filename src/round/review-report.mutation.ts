import { taskRelationsIn } from '../auth/relations';
import type { RequestContext } from '../graphql/context';
import { sql } from '../sql/sql';
import { runMutation } from '../mutation/run-mutation';
import { UserErrorCode, userError } from '../mutation/user-error.type';
import { versionedUpdate } from '../mutation/versioned-update';
import { step } from '../workflow/state-machine';
import { recordAcceptedProgress } from './accepted-progress';
import { REPORT_MACHINE } from './report.machine';
import { checkExtras } from './report-limits';
import { REPORT_SELECT, type ReportRow } from './report-row';
import { ROUND_SELECT, type RoundRow } from './round-row';
import type { ReportPayload } from './write-report.mutation';

export interface ReviewInput {
  reportId: number;
  comment?: string | null;
  expectedVersion?: number | null;
  idempotencyKey?: string | null;
}

/**
 * acceptReport and returnReport: the office's review (审核) of a submitted
 * report. Accepting makes it the task's progress for the period
 * (accepted-progress.ts); returning sends it back to its unit with a comment.
 */
export function reviewReport(ctx: RequestContext, verdict: 'accept' | 'return', input: ReviewInput): Promise<ReportPayload> {
  return runMutation<ReportPayload>(ctx, {
    name: verdict === 'accept' ? 'acceptReport' : 'returnReport',
    action: 'report.review',
    input,
    target: async (tx) => {
      const [report] = await tx.query(`SELECT task_id FROM progress_report WHERE id = $1`, [input.reportId]);
      // An unknown report has only ANY: an office of another district learns nothing from the answer.
      return { ids: { report: input.reportId }, relations: report ? await taskRelationsIn(tx, ctx.principal, report.task_id) : new Set(['ANY'] as const) };
    },
    run: async (tx) => {
      const extras = checkExtras({ comment: input.comment });
      if (extras.length) return { userErrors: extras };
      const comment = input.comment?.trim() || null;
      if (verdict === 'return' && !comment) return { userErrors: [userError(UserErrorCode.INVALID, 'Say why the report goes back (退回原因): the comment is empty.', 'comment')] };
      const [current]: (ReportRow | undefined)[] = await tx.query(`${REPORT_SELECT} WHERE id = $1 FOR UPDATE`, [input.reportId]);
      if (!current) return { userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such report.', 'report')] };
      const next = step(REPORT_MACHINE, current.state, verdict, 'report');
      if ('userErrors' in next) return next;
      const updated = await versionedUpdate<ReportRow>(
        tx,
        'progress_report',
        current.id,
        input.expectedVersion ?? current.version,
        sql`state = ${sql.value(next.to, 'report_state')}, review_comment = ${sql.value(comment, 'text')}, reviewed_at = now()`,
      );
      if ('userErrors' in updated) return updated;
      const target = { report: current.id, round: current.round_id, task: current.task_id, unit: current.unit_id };
      if (verdict === 'return') return { payload: { reportId: current.id }, target, before: current, after: updated.row };
      const [round]: RoundRow[] = await tx.query(`${ROUND_SELECT} WHERE id = $1`, [current.round_id]);
      const progress = await recordAcceptedProgress(tx, updated.row, round.period, round.plan_id);
      return {
        payload: { reportId: current.id },
        target: { ...target, progressUpdate: (progress.after as { id: number }).id },
        before: { report: current, progress: progress.before },
        after: { report: updated.row, progress: progress.after },
      };
    },
  });
}
