import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { isConnectionError, sqlState } from '../sql/database-errors';
import { loadDocument } from '../document/document.loaders';
import { loadLeader } from '../leader/leader.loaders';
import { loadPlan } from '../plan/plan.loaders';
import { loadProgress } from '../progress/progress.loaders';
import { loadCategory, loadTask } from '../task/task.loaders';
import { loadAssignment, loadUnit } from '../unit/unit.loaders';
import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import { fromGlobalId } from '../graphql/global-id';
import { MAX_PAGE_SIZE } from '../graphql/pagination';
import { Node } from '../graphql/node.interface';
import { loadAccount, loadApiKey } from '../auth/account.loaders';
import { type Who, decide } from '../auth/policy';
import { accountRelations } from '../auth/relations';
import { loadAuditEntry } from '../audit/audit.loaders';
import { loadAcknowledgement } from '../workflow/acknowledgement.loaders';
import { loadReport, loadRound } from '../round/round.loaders';
import { loadExtensionRequest } from '../extension/extension.loaders';

/** Most ids one `nodes` call takes: the largest page of any list. */
export const MAX_NODE_IDS = MAX_PAGE_SIZE;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when the id is unknown or malformed.' })
  node(@Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'Objects by their global ids (按编号批量取对象), in the order given, at most 100: each id resolves on its own, an unknown or malformed one is null and does not affect the others. Ids of one type are fetched in one statement.',
  })
  nodes(@Arg('ids', () => [ID], { description: 'Global ids from any `id` fields (1–100).' }) ids: string[], @Ctx() ctx: RequestContext): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODE_IDS) throw new BadUserInputError(`\`ids\` takes at most ${MAX_NODE_IDS} ids (got ${ids.length}).`, 'ids');
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}

/** One object by its global id, through the loaders (so ids of one type batch into one statement); null when unknown. */
async function loadNode(ctx: RequestContext, id: string): Promise<Node | null> {
  const parsed = fromGlobalId(id);
  if (!parsed) return null;
  const load = async (): Promise<Node> => {
    switch (parsed.type) {
      case 'Plan':
        return loadPlan(ctx, parsed.id);
      case 'Document':
        return loadDocument(ctx, parsed.id);
      case 'Category':
        return loadCategory(ctx, parsed.id);
      case 'Task':
        return loadTask(ctx, parsed.id);
      case 'Leader':
        return loadLeader(ctx, parsed.id);
      case 'Unit':
        return loadUnit(ctx, parsed.id);
      case 'ProgressUpdate':
        return loadProgress(ctx, parsed.id);
      case 'Assignment':
        return loadAssignment(ctx, parsed.id);
      case 'TaskAcknowledgement':
        return loadAcknowledgement(ctx, parsed.id);
      case 'Round':
        return loadRound(ctx, parsed.id);
      // Restricted objects: one the viewer may not read is "unknown" (null), exactly like a missing one.
      case 'Account': {
        if (!decide(who, 'account.read', accountRelations(ctx.principal, parsed.id)).allowed) throw new Error('hidden');
        return loadAccount(ctx, parsed.id);
      }
      case 'ApiKey': {
        const key = await loadApiKey(ctx, parsed.id);
        if (!decide(who, 'account.read', accountRelations(ctx.principal, key.accountId)).allowed) throw new Error('hidden');
        return key;
      }
      case 'ExtensionRequest': {
        if (!decide(who, 'extension.read').allowed) throw new Error('hidden');
        return loadExtensionRequest(ctx, parsed.id);
      }
      case 'ProgressReport': {
        if (!decide(who, 'report.read').allowed) throw new Error('hidden');
        return loadReport(ctx, parsed.id);
      }
      case 'AuditEntry': {
        if (!decide(who, 'audit.read').allowed) throw new Error('hidden');
        return loadAuditEntry(ctx, parsed.id);
      }
    }
  };
  const who = ctx.principal.role as Who;
  // A well-formed id whose row is gone is "unknown", not a server error; a
  // database failure (outage, timeout) still reaches the client as such.
  return load().catch((error: unknown) => {
    if (error instanceof GraphQLError || sqlState(error) || isConnectionError(error)) throw error;
    return null;
  });
}
