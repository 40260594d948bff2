import type { EntityManager } from 'typeorm';
import { taskRelationsIn } from '../auth/relations';
import type { RequestContext } from '../graphql/context';
import { compile, sql } from '../sql/sql';
import type { ProgressStatus } from '../progress/progress-status';
import { type Payload, runMutation } from '../mutation/run-mutation';
import { UserErrorCode, userError } from '../mutation/user-error.type';
import { versionedUpdate } from '../mutation/versioned-update';
import type { Section } from '../task/section';
import { step } from '../workflow/state-machine';
import { REPORT_MACHINE } from './report.machine';
import { checkExtras, checkText } from './report-limits';
import { REPORT_COLUMNS, REPORT_SELECT, type ReportRow } from './report-row';
import { reportSignals } from './report-signals';
import { ROUND_SELECT, type RoundRow } from './round-row';

export interface ReportPayload extends Payload {
  reportId: number | null;
  /** The row as written, for the answer; never stored for a replay, which reads the report as it then is. */
  row?: ReportRow;
}

export interface WriteReportInput {
  roundId: number;
  taskId: number;
  text?: string | null;
  percent?: number | null;
  status?: ProgressStatus | null;
  attachment?: string | null;
  expectedVersion?: number | null;
  idempotencyKey?: string | null;
}

/**
 * saveProgressDraft and submitProgress: the lead unit writes a task's report
 * in a round. Saving keeps it editable; submitting locks it for review, and
 * without a draft writes and submits in one step. Status and percent are
 * derived from the text as for imported reports; a stated one is the unit's
 * correction, recorded beside the derived value.
 */
export function writeReport(ctx: RequestContext, mode: 'save' | 'submit', input: WriteReportInput): Promise<ReportPayload> {
  return runMutation<ReportPayload>(ctx, {
    name: mode === 'save' ? 'saveProgressDraft' : 'submitProgress',
    action: 'report.submit',
    input,
    // An unknown task has only ANY: refused like another unit's task.
    target: async (tx) => ({ ids: { round: input.roundId, task: input.taskId, unit: ctx.principal.unitId }, relations: await taskRelationsIn(tx, ctx.principal, input.taskId) }),
    stored: ({ reportId }) => ({ reportId }),
    run: async (tx) => {
      const extras = checkExtras(input);
      if (extras.length) return { userErrors: extras };
      const place = await roundAndTask(tx, input.roundId, input.taskId, true);
      if ('userErrors' in place) return place;
      const current = place.report ?? undefined;
      const next = step(REPORT_MACHINE, current?.state ?? null, mode, 'task');
      if ('userErrors' in next) return next;
      if (!current && input.expectedVersion != null) {
        return { userErrors: [userError(UserErrorCode.STALE_VERSION, `The task has no report in this round yet; send no expectedVersion to write the first one (you sent ${input.expectedVersion}).`, 'expectedVersion')] };
      }
      // Submitting without a text submits the saved draft as it is.
      const text = checkText(input.text ?? (mode === 'submit' ? current?.text : null));
      if ('userErrors' in text) return text;
      const signals = reportSignals(text.text, place.task, input, ctx.principal.accountId);
      const attachment = input.attachment !== undefined ? input.attachment?.trim() || null : (current?.attachment ?? null);
      const submittedAt = mode === 'submit' ? sql`now()` : sql`NULL`;
      const values = {
        state: sql.value(next.to, 'report_state'),
        text: sql.value(text.text),
        attachment: sql.value(attachment, 'text'),
        status: sql.value(signals.status, 'progress_status'),
        status_reason: sql.value(signals.statusReason),
        percent: sql.value(signals.percent, 'float8'),
        percent_reason: sql.value(signals.percentReason, 'text'),
        derived_status: sql.value(signals.derivedStatus, 'progress_status'),
        derived_status_reason: sql.value(signals.derivedStatusReason),
        derived_percent: sql.value(signals.derivedPercent, 'float8'),
        derived_percent_reason: sql.value(signals.derivedPercentReason, 'text'),
        corrections: sql`${sql.value(JSON.stringify([...(current?.corrections ?? []), ...signals.corrections]))}::jsonb`,
        submitted_at: submittedAt,
      };
      let after: ReportRow;
      if (!current) {
        const columns = Object.keys(values).map((k) => sql.identifier(k));
        const insert = compile(sql`INSERT INTO progress_report (round_id, task_id, unit_id, ${sql.join(columns, ', ')})
          VALUES (${sql.value(input.roundId, 'int')}, ${sql.value(input.taskId, 'int')}, ${sql.value(ctx.principal.unitId, 'int')}, ${sql.join(Object.values(values), ', ')})
          RETURNING ${sql.raw(REPORT_COLUMNS)}`);
        [after] = await tx.query(insert.text, insert.values);
      } else {
        const set = sql.join(Object.entries(values).map(([k, v]) => sql`${sql.identifier(k)} = ${v}`), ', ');
        const updated = await versionedUpdate<ReportRow>(tx, 'progress_report', current.id, input.expectedVersion ?? current.version, set);
        if ('userErrors' in updated) return updated;
        after = updated.row;
      }
      return {
        payload: { reportId: after.id, row: after },
        target: { report: after.id, round: input.roundId, task: input.taskId, unit: after.unit_id },
        before: current ?? null,
        after,
      };
    },
  });
}

/** The round and the task, or why the pair cannot be reported on. */
export async function roundAndTask(
  tx: EntityManager,
  roundId: number,
  taskId: number,
  withReport = false,
): Promise<{ round: RoundRow; task: { section: Section; title: string | null; content: string }; report: ReportRow | null } | { userErrors: ReturnType<typeof userError>[] }> {
  // One statement for the round, the task, whether the round has opened and (locked) the task's report in it:
  // this runs on every report written, and each round trip is most of a write's cost.
  const [row]: {
    round: RoundRow | null;
    task: { plan_id: number; section: Section; title: string | null; content: string } | null;
    opened: boolean | null;
    report: ReportRow | null;
  }[] = await tx.query(
    `SELECT (SELECT row_to_json(r) FROM (${ROUND_SELECT} WHERE id = $1) r) AS round,
            (SELECT row_to_json(t) FROM (SELECT plan_id, section, title, content FROM task WHERE id = $2) t) AS task,
            (SELECT duban_today() >= opens_on FROM reporting_round WHERE id = $1) AS opened,
            ${withReport ? `(SELECT row_to_json(pr) FROM (${REPORT_SELECT} WHERE round_id = $1 AND task_id = $2 FOR UPDATE) pr)` : 'NULL'} AS report`,
    [roundId, taskId],
  );
  const { round, task, opened, report } = row;
  if (!round) return { userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such round.', 'round')] };
  if (!task) return { userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such task.', 'task')] };
  if (task.plan_id !== round.plan_id) return { userErrors: [userError(UserErrorCode.INVALID, `The task is not in the plan of round ${round.period}.`, 'task')] };
  if (!opened) return { userErrors: [userError(UserErrorCode.INVALID, `Round ${round.period} opens on ${round.opens_on}.`, 'round')] };
  return { round, task, report };
}

