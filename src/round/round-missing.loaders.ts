import type { RequestContext } from '../graphql/context';
import { sql } from '../sql/sql';
import { taskColumns } from '../task/task-columns.sql';
import { owesReportSql } from './owes-report.sql';
import { TaskModel, type TaskRow } from '../task/task.type';

const rr = sql.identifier('rr');
const t = sql.identifier('t');
const p = sql.identifier('p');

/**
 * Tasks of a round's plan that owe it a report (owes-report.sql.ts), in
 * document order. The round's twin of Document.missingTasks; one statement
 * per batch of rounds.
 */
export function loadRoundMissingTasks(ctx: RequestContext, roundId: number): Promise<TaskModel[]> {
  return ctx
    .loader<number, TaskModel[]>('round.missingTasks', async (roundIds) => {
      const rows = await ctx.query<TaskRow & { round_id: number }>(
        sql`SELECT ${rr}.id AS round_id, ${taskColumns(t, p)}
         FROM reporting_round ${rr} JOIN task ${t} ON ${t}.plan_id = ${rr}.plan_id JOIN plan ${p} ON ${p}.id = ${t}.plan_id
         WHERE ${rr}.id = ANY(${sql.value(roundIds, 'int[]')}) AND ${owesReportSql(rr, t)}
         ORDER BY ${rr}.id, ${t}.section, ${t}.number, ${t}.id`,
      );
      return roundIds.map((id) => rows.filter((r) => r.round_id === id).map(TaskModel.fromRow));
    })
    .load(roundId);
}
