import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../graphql/context';
import { type Sql, sql } from '../sql/sql';
import { type Outcome, type Payload, runMutation } from '../mutation/run-mutation';
import { UserErrorCode, userError } from '../mutation/user-error.type';
import { versionedUpdate } from '../mutation/versioned-update';
import { taskRelationsIn } from '../auth/relations';
import { storeWorkflowFacts } from '../risk/supervision-facts';
import { step } from '../workflow/state-machine';
import { lockTask } from '../workflow/task-lock';
import { workflowText } from '../workflow/workflow-text';
import { type ClosureAction, CLOSURE_MACHINE } from './closure.machine';
import { TASK_CLOSURE_SELECT, type TaskClosureRow } from './task-closure.type';

export interface ClosurePayload extends Payload {
  taskId: number | null;
}

export interface ClosureInput {
  taskId: number;
  reason: string;
  expectedVersion?: number | null;
  idempotencyKey?: string | null;
}

/** 办结/销号: the office strikes a task off the list, with a reason; its light turns GREEN (CLOSED). */
export function closeTask(ctx: RequestContext, input: ClosureInput): Promise<ClosurePayload> {
  return transition(ctx, input, 'closeTask', 'close', (reason) => sql`closed_at = now(), reason = ${reason}`);
}

/** Back on the list (closed by mistake, or the work turned out unfinished), with a reason. */
export function reopenTask(ctx: RequestContext, input: ClosureInput): Promise<ClosurePayload> {
  return transition(ctx, input, 'reopenTask', 'reopen', (reason) => sql`reopened_at = now(), reason = ${reason}`);
}

function transition(ctx: RequestContext, input: ClosureInput, name: string, action: ClosureAction, set: (reason: Sql) => Sql): Promise<ClosurePayload> {
  return runMutation<ClosurePayload>(ctx, {
    name,
    action: 'task.close',
    input,
    target: async (tx) => ({ ids: { task: input.taskId }, relations: await taskRelationsIn(tx, ctx.principal, input.taskId) }),
    run: async (tx) => {
      const reason = workflowText(input.reason, 'reason', true);
      if ('userErrors' in reason) return reason;
      return change(ctx, tx, input, action, set(sql.value(reason.text, 'text')));
    },
  });
}

async function change(ctx: RequestContext, tx: EntityManager, input: ClosureInput, action: ClosureAction, set: Sql): Promise<Outcome<ClosurePayload>> {
  if (!(await lockTask(tx, input.taskId))) return { userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such task.', 'task')] };
  const [before]: TaskClosureRow[] = await tx.query(`${TASK_CLOSURE_SELECT} WHERE task_id = $1`, [input.taskId]);
  // A task never closed has no row and stands at version 0 (Task.closure.version).
  const version = before?.version ?? 0;
  const expected = input.expectedVersion ?? version;
  if (expected !== version) {
    return { userErrors: [userError(UserErrorCode.STALE_VERSION, `The task’s closing changed since you read it: it is at version ${version}, you sent ${expected}. Read it again and retry.`, 'expectedVersion')] };
  }
  const next = step(CLOSURE_MACHINE, before?.state ?? null, action, 'task');
  if ('userErrors' in next) return next;
  // A task's first closing makes its row at version 0, as if it had always been there, so one versioned UPDATE serves both cases.
  const id: number = before?.id ?? (await tx.query(`INSERT INTO task_closure (task_id, state, reason, version) VALUES ($1, 'OPEN', '', 0) RETURNING id`, [input.taskId]))[0].id;
  const updated = await versionedUpdate<TaskClosureRow>(tx, 'task_closure', id, expected, sql`state = ${sql.value(next.to, 'closure_state')}, account_id = ${sql.value(ctx.principal.accountId, 'int')}, ${set}`);
  if ('userErrors' in updated) return updated;
  const after = updated.row;
  await storeWorkflowFacts(tx, input.taskId);
  return { payload: { taskId: input.taskId }, target: { task: input.taskId, closure: after.id }, before: before ?? null, after };
}
