import type { RequestContext } from '../graphql/context';
import { sql } from '../sql/sql';
import { runMutation } from '../mutation/run-mutation';
import { workflowText } from '../workflow/workflow-text';
import { changeExtension, extensionTarget } from './extension-change';
import type { ExtensionPayload } from './extension-payload';

export interface WithdrawExtensionInput {
  requestId: number;
  comment?: string | null;
  expectedVersion?: number | null;
  idempotencyKey?: string | null;
}

/** 撤回: the lead unit takes its own pending request back (to ask again for another date, or not at all); another lead unit of the task may not. */
export function withdrawExtension(ctx: RequestContext, input: WithdrawExtensionInput): Promise<ExtensionPayload> {
  return runMutation<ExtensionPayload>(ctx, {
    name: 'withdrawExtension',
    action: 'extension.request',
    input,
    target: (tx) => extensionTarget(ctx, tx, input.requestId, 'own'),
    run: async (tx) => {
      const comment = workflowText(input.comment, 'comment', false);
      if ('userErrors' in comment) return comment;
      return changeExtension(tx, input, 'withdraw', (_request, _task, to) =>
        sql`state = ${sql.value(to, 'extension_state')}, comment = ${sql.value(comment.text, 'text')}, decided_at = now()`,
      );
    },
  });
}
