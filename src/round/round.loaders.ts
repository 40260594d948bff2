import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { ContributionModel, ProgressReportModel } from './progress-report.type';
import { REPORT_SELECT, type ReportRow } from './report-row';
import { ROUND_SELECT, type RoundRow } from './round-row';
import { RoundCountsModel, RoundModel } from './round.type';

export function loadRound(ctx: RequestContext, id: number): Promise<RoundModel> {
  return ctx
    .loader<number, RoundModel>('round.byId', async (ids) => {
      const rows = await ctx.query<RoundRow>(`${ROUND_SELECT} WHERE id = ANY($1::int[])`, [ids]);
      return byKey(ids, rows, (r) => r.id, 'round', RoundModel.fromRow);
    })
    .load(id);
}

/** Rounds, newest period first; of one plan when `planId` is given. */
export async function listRounds(ctx: RequestContext, planId: number | null): Promise<RoundModel[]> {
  const rows = await ctx.query<RoundRow>(`${ROUND_SELECT} WHERE $1::int IS NULL OR plan_id = $1 ORDER BY period DESC, id DESC`, [planId]);
  return rows.map(RoundModel.fromRow);
}

export function loadReport(ctx: RequestContext, id: number): Promise<ProgressReportModel> {
  return reportLoader(ctx).load(id);
}

/** A report a mutation of this request just wrote and committed: its payload answers without reading it again. */
export function primeReport(ctx: RequestContext, row: ReportRow): void {
  reportLoader(ctx).clear(row.id).prime(row.id, ProgressReportModel.fromRow(row));
}

function reportLoader(ctx: RequestContext) {
  return ctx.loader<number, ProgressReportModel>('report.byId', async (ids) => {
    const rows = await ctx.query<ReportRow>(`${REPORT_SELECT} WHERE id = ANY($1::int[])`, [ids]);
    return byKey(ids, rows, (r) => r.id, 'progress report', ProgressReportModel.fromRow);
  });
}

/** A round's reports in task order, of the given states (all when none given). */
export function loadReportsOfRound(ctx: RequestContext, roundId: number, states: readonly string[] | null): Promise<ProgressReportModel[]> {
  const which = states?.length ? [...states].sort().join(',') : '';
  return ctx
    .loader<number, ProgressReportModel[]>(`report.byRound:${which}`, async (ids) => {
      const rows = await ctx.query<ReportRow>(
        `${REPORT_SELECT} WHERE round_id = ANY($1::int[]) AND ($2::report_state[] IS NULL OR state = ANY($2::report_state[])) ORDER BY round_id, task_id`,
        [ids, states?.length ? states : null],
      );
      return groupBy(ids, rows, (r) => r.round_id).map((group) => group.map(ProgressReportModel.fromRow));
    })
    .load(roundId);
}

/** Co-units' contributions to a task in a round, in the order they were first written. */
export function loadContributions(ctx: RequestContext, roundId: number, taskId: number): Promise<ContributionModel[]> {
  return ctx
    .loader<string, ContributionModel[]>('report.contributions', async (keys) => {
      const pairs = keys.map((k) => k.split(':').map(Number));
      const rows = await ctx.query<{ round_id: number; task_id: number; unit_id: number; text: string; updated_at: Date }>(
        `SELECT c.round_id, c.task_id, c.unit_id, c.text, c.updated_at FROM progress_contribution c
         JOIN unnest($1::int[], $2::int[]) AS k(round_id, task_id) ON k.round_id = c.round_id AND k.task_id = c.task_id ORDER BY c.id`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      return groupBy(keys, rows, (r) => `${r.round_id}:${r.task_id}`).map((group) =>
        group.map((r) => Object.assign(new ContributionModel(), { unitId: r.unit_id, text: r.text, updatedAt: new Date(r.updated_at).toISOString() })),
      );
    })
    .load(`${roundId}:${taskId}`);
}

/** The round's tasks by state, in one statement (RoundCounts). */
export async function loadRoundCounts(ctx: RequestContext, roundId: number): Promise<RoundCountsModel> {
  const [row] = await ctx.query<Record<keyof RoundCountsModel, number>>(
    `SELECT count(*)::int AS tasks,
            count(*) FILTER (WHERE pr.state IS NULL)::int AS "notReported",
            count(*) FILTER (WHERE pr.state = 'DRAFT')::int AS draft,
            count(*) FILTER (WHERE pr.state = 'SUBMITTED')::int AS submitted,
            count(*) FILTER (WHERE pr.state = 'RETURNED')::int AS returned,
            count(*) FILTER (WHERE pr.state = 'ACCEPTED')::int AS accepted,
            count(*) FILTER (WHERE duban_today() > r.due_on AND (pr.state IS NULL OR pr.state IN ('DRAFT', 'RETURNED')))::int AS overdue
     FROM reporting_round r JOIN task t ON t.plan_id = r.plan_id
     LEFT JOIN progress_report pr ON pr.round_id = r.id AND pr.task_id = t.id
     WHERE r.id = $1`,
    [roundId],
  );
  return Object.assign(new RoundCountsModel(), row);
}

/**
 * The text a lead unit starts from (so nobody types the same thing twice):
 * the task's progress of the latest earlier period, then each co-unit's
 * contribution to this round, marked with its unit. Null when there is neither.
 */
export async function loadStartingText(ctx: RequestContext, roundId: number, taskId: number): Promise<string | null> {
  const [row] = await ctx.query<{ previous: string | null; contributions: string | null }>(
    `SELECT (SELECT pu.text FROM progress_update pu WHERE pu.task_id = $2 AND pu.period < r.period ORDER BY pu.period DESC LIMIT 1) AS previous,
            (SELECT string_agg('【' || u.name || '】' || c.text, E'\n' ORDER BY c.id) FROM progress_contribution c JOIN unit u ON u.id = c.unit_id
              WHERE c.round_id = r.id AND c.task_id = $2) AS contributions
     FROM reporting_round r WHERE r.id = $1`,
    [roundId, taskId],
  );
  if (!row) return null;
  const parts = [row.previous, row.contributions].filter((p): p is string => !!p);
  return parts.length ? parts.join('\n') : null;
}
