import type { EntityManager } from 'typeorm';
import type { Relation } from '../auth/policy';
import { taskRelationsIn } from '../auth/relations';
import type { RequestContext } from '../graphql/context';
import { type Sql } from '../sql/sql';
import { type Outcome } from '../mutation/run-mutation';
import { UserErrorCode, userError } from '../mutation/user-error.type';
import { versionedUpdate } from '../mutation/versioned-update';
import { storeWorkflowFacts } from '../risk/supervision-facts';
import { step } from '../workflow/state-machine';
import { type LockedTask, lockTask } from '../workflow/task-lock';
import type { ExtensionPayload } from './extension-payload';
import { EXTENSION_REQUEST_SELECT, type ExtensionRequestRow } from './extension-request.type';
import { type ExtensionAction, EXTENSION_MACHINE } from './extension.machine';
import type { ExtensionState } from './extension-state';

/**
 * The policy's view of a request: its task's relations (an unknown request has only ANY, refused like
 * another's). `own`: the action is the asking unit's alone (withdrawing, 撤回): a task may have two lead
 * units, and the other one leads the task but did not ask, so it does not stand as LEAD_UNIT to the request.
 */
export async function extensionTarget(
  ctx: RequestContext,
  tx: EntityManager,
  requestId: number,
  whose: 'any' | 'own' = 'any',
): Promise<{ ids: Record<string, unknown>; relations: ReadonlySet<Relation> }> {
  const [found]: { task_id: number; unit_id: number }[] = await tx.query(`SELECT task_id, unit_id FROM extension_request WHERE id = $1`, [requestId]);
  if (!found) return { ids: { extensionRequest: requestId }, relations: new Set<Relation>(['ANY']) };
  const relations = new Set(await taskRelationsIn(tx, ctx.principal, found.task_id));
  if (whose === 'own' && found.unit_id !== ctx.principal.unitId) relations.delete('LEAD_UNIT');
  return { ids: { extensionRequest: requestId, task: found.task_id, unit: found.unit_id }, relations };
}

/**
 * One transition of a pending request (approve, refuse, withdraw): the row
 * locked, the version the client read, the machine, the mutation's own check
 * on the locked task, the versioned UPDATE, then the task's stored facts (an
 * approval moves the deadline the lights read), all in the caller's transaction.
 */
export async function changeExtension(
  tx: EntityManager,
  input: { requestId: number; expectedVersion?: number | null },
  action: ExtensionAction,
  change: (request: ExtensionRequestRow, task: LockedTask, to: ExtensionState) => Sql | { userErrors: ReturnType<typeof userError>[] },
): Promise<Outcome<ExtensionPayload>> {
  const [peek]: { task_id: number }[] = await tx.query(`SELECT task_id FROM extension_request WHERE id = $1`, [input.requestId]);
  if (!peek) return { userErrors: [userError(UserErrorCode.NOT_FOUND, `There is no extension request ${input.requestId}.`, 'request')] };
  // The task first, then the request: the order requestExtension locks in, so two mutations on one task never deadlock.
  const task = (await lockTask(tx, peek.task_id))!;
  const [before]: ExtensionRequestRow[] = await tx.query(`${EXTENSION_REQUEST_SELECT} WHERE id = $1 FOR UPDATE`, [input.requestId]);
  const expected = input.expectedVersion ?? before.version;
  if (expected !== before.version) {
    return {
      userErrors: [userError(UserErrorCode.STALE_VERSION, `The extension request changed since you read it: it is at version ${before.version}, you sent ${expected}. Read it again and retry.`, 'expectedVersion')],
    };
  }
  const next = step(EXTENSION_MACHINE, before.state, action, 'request');
  if ('userErrors' in next) return next;
  const set = change(before, task, next.to);
  if ('userErrors' in set) return set;
  const updated = await versionedUpdate<ExtensionRequestRow>(tx, 'extension_request', before.id, expected, set);
  if ('userErrors' in updated) return updated;
  await storeWorkflowFacts(tx, before.task_id);
  const [after]: ExtensionRequestRow[] = await tx.query(`${EXTENSION_REQUEST_SELECT} WHERE id = $1`, [before.id]);
  return {
    payload: { extensionRequestId: before.id, taskId: before.task_id },
    target: { extensionRequest: before.id, task: before.task_id, unit: before.unit_id },
    before,
    after,
  };
}
