import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { DocumentModel } from '../document/document.type';
import { loadLeader } from '../leader/leader.loaders';
import { LeaderModel } from '../leader/leader.type';
import { TaskModel } from '../task/task.type';
import { loadUnit } from '../unit/unit.loaders';
import { UnitModel } from '../unit/unit.type';
import { AccountModel } from './account.type';
import { loadAccount } from './account.loaders';
import { ACTIONS, type Action, type Who, decide } from './policy';
import { planRelations, taskRelations } from './relations';
import { AuthenticationMethod, DocumentPermissions, TaskPermissions, ViewerModel, type ViewerRole } from './viewer.type';

@Resolver()
export class ViewerQueryResolver {
  @Query(() => ViewerModel, { description: 'Who is asking: the account, role and unit or leader of the request’s credential (anonymous without one).' })
  viewer(@Ctx() ctx: RequestContext): ViewerModel {
    const p = ctx.principal;
    return Object.assign(new ViewerModel(), {
      accountId: p.accountId,
      unitId: p.unitId,
      leaderId: p.leaderId,
      role: (p.role === 'SYSTEM' ? 'ADMIN' : p.role) as ViewerRole,
      authenticatedBy: p.authenticatedBy === 'SHELL' ? AuthenticationMethod.NONE : (p.authenticatedBy as AuthenticationMethod),
      keyPrefix: p.keyPrefix,
      actions: (Object.keys(ACTIONS) as Action[]).filter((action) => decide(p.role as Who, action).allowed),
    });
  }
}

@Resolver(() => ViewerModel)
export class ViewerFieldsResolver {
  @FieldResolver(() => AccountModel, { nullable: true, description: 'The account of the credential; null when anonymous.' })
  account(@Root() viewer: ViewerModel, @Ctx() ctx: RequestContext): Promise<AccountModel> | null {
    return viewer.accountId === null ? null : loadAccount(ctx, viewer.accountId);
  }

  @FieldResolver(() => UnitModel, { nullable: true, description: 'The unit a UNIT account acts for (承办单位): its tasks are `unit { tasks(role: LEAD) }`.' })
  unit(@Root() viewer: ViewerModel, @Ctx() ctx: RequestContext): Promise<UnitModel> | null {
    return viewer.unitId === null ? null : loadUnit(ctx, viewer.unitId);
  }

  @FieldResolver(() => LeaderModel, { nullable: true, description: 'The leader a LEADER account acts for (责任区领导): the tasks are `leader { tasks }`.' })
  leader(@Root() viewer: ViewerModel, @Ctx() ctx: RequestContext): Promise<LeaderModel> | null {
    return viewer.leaderId === null ? null : loadLeader(ctx, viewer.leaderId);
  }
}

@Resolver(() => TaskModel)
export class TaskPermissionsResolver {
  @FieldResolver(() => TaskPermissions, { description: 'What the viewer may do to this task (from the policy; one statement for a whole page).' })
  async viewerCan(@Root() task: TaskModel, @Ctx() ctx: RequestContext): Promise<TaskPermissions> {
    const who = ctx.principal.role as Who;
    const actions = ['task.acknowledge', 'extension.request', 'extension.decide', 'task.close'] as const;
    // No task relation can make an action allowed for a role that no rule of it names: skip the lookup.
    const relations = actions.some((a) => decide(who, a).allowed) ? await taskRelations(ctx, task.dbId) : undefined;
    const may = (action: (typeof actions)[number]) => relations !== undefined && decide(who, action, relations).allowed;
    return Object.assign(new TaskPermissions(), {
      acknowledge: may('task.acknowledge'),
      requestExtension: may('extension.request'),
      decideExtension: may('extension.decide'),
      close: may('task.close'),
    });
  }
}

@Resolver(() => DocumentModel)
export class DocumentPermissionsResolver {
  @FieldResolver(() => DocumentPermissions, { description: 'What the viewer may do with this document’s plan (from the policy).' })
  async viewerCan(@Root() document: DocumentModel, @Ctx() ctx: RequestContext): Promise<DocumentPermissions> {
    const who = ctx.principal.role as Who;
    const relations = decide(who, 'document.import').allowed ? await planRelations(ctx, document.planId) : undefined;
    return Object.assign(new DocumentPermissions(), { import: relations !== undefined && decide(who, 'document.import', relations).allowed });
  }
}
