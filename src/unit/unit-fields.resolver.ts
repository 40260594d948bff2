import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import { ConnectionArgs, MAX_PAGE_SIZE, type Page } from '../graphql/pagination';
import { Section } from '../task/section';
import { TaskConnection } from '../task/task-connection.type';
import { TaskConnectionArgs } from '../task/task.inputs';
import { scopedTaskPage } from '../task/task-pages';
import { loadTask } from '../task/task.loaders';
import { TaskModel } from '../task/task.type';
import { Role } from './role';
import { CollaboratorModel, LeaderCountModel, WorkloadModel } from './unit-graph.types';
import { loadCollaborators, loadLeadersOfUnit, loadWorkload } from './unit-graph.loaders';
import { loadAliases } from './unit.loaders';
import { collaboratorPage } from './collaborator-pages';
import { CollaboratorConnection } from './unit-connection.type';
import { UnitModel } from './unit.type';

@ArgsType()
class UnitTasksArgs extends TaskConnectionArgs {
  @Field(() => Role, { nullable: true, description: 'Only tasks where the unit has this role; any role when omitted.' })
  role?: Role;
}

@ArgsType()
class UnitLeadersArgs {
  @Field(() => Role, { nullable: true, description: 'Only tasks where the unit has this role.' })
  role?: Role;

  @Field(() => Int, { nullable: true, description: 'Only tasks of this year.' })
  year?: number;
}

@ArgsType()
class CollaboratorsArgs {
  @Field(() => Int, { nullable: true, description: 'Only tasks of this year.' })
  year?: number;

  @Field(() => Int, { defaultValue: 20, description: `How many, most shared first: 1–${MAX_PAGE_SIZE}, default 20.` })
  first: number;
}

@ArgsType()
class CollaboratorConnectionArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Only tasks of this year; all years when omitted.' })
  year?: number;
}

@ArgsType()
class WorkloadArgs {
  @Field(() => Int, { nullable: true, description: 'Only tasks of this year; all years when omitted.' })
  year?: number;

  @Field(() => Section, { nullable: true, description: 'Only tasks of this section.' })
  section?: Section;
}

@Resolver(() => UnitModel)
export class UnitFieldsResolver {
  @FieldResolver(() => [String], { description: 'Other names of the unit found in documents (e.g. 区文旅委 for 区文化旅游委).' })
  aliases(@Root() unit: UnitModel, @Ctx() ctx: RequestContext): Promise<string[]> {
    return loadAliases(ctx, unit.dbId);
  }

  @FieldResolver(() => TaskConnection, { description: 'Tasks the unit is assigned to, across all years.' })
  tasks(@Root() unit: UnitModel, @Args() { role, ...args }: UnitTasksArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Page<TaskModel>> {
    return scopedTaskPage(ctx, { kind: 'unit', role }, unit.dbId, args, info);
  }

  @FieldResolver(() => [LeaderCountModel], { description: 'Leaders of the unit’s tasks with the number of such tasks, most first.' })
  leaders(@Root() unit: UnitModel, @Args() { role, year }: UnitLeadersArgs, @Ctx() ctx: RequestContext): Promise<LeaderCountModel[]> {
    return loadLeadersOfUnit(ctx, unit.dbId, role, year);
  }

  // A list with `first` and no cursor looked paginated and could not be paged. Turning it into a
  // connection would change its type under every client that selects `collaborators { unit … }`
  // (a silent break), so the connection is a new field and the list stays, deprecated.
  @FieldResolver(() => [CollaboratorModel], {
    description: 'Units that share tasks with this one (any role, 协同关系), with the tasks shared, most first; the first `first` of them.',
    deprecationReason:
      'A list cut at `first` with no cursor, so the rest cannot be reached: use `collaboratorConnection` (same order; edges, cursors, pageInfo, totalCount, `after`).',
  })
  collaborators(@Root() unit: UnitModel, @Args() { year, first }: CollaboratorsArgs, @Ctx() ctx: RequestContext): Promise<CollaboratorModel[]> {
    if (first < 1 || first > MAX_PAGE_SIZE) throw new BadUserInputError(`\`first\` must be between 1 and ${MAX_PAGE_SIZE} (got ${first}).`, 'first');
    return loadCollaborators(ctx, unit.dbId, first, year);
  }

  @FieldResolver(() => CollaboratorConnection, {
    description:
      'Units that share tasks with this one (协同单位 / 协同关系, any role), a page at a time: most shared tasks first, then name and id (stable under pagination), each with the tasks shared.',
  })
  collaboratorConnection(@Root() unit: UnitModel, @Args() { year, ...page }: CollaboratorConnectionArgs, @Ctx() ctx: RequestContext): Promise<Page<CollaboratorModel>> {
    return collaboratorPage(ctx, unit.dbId, { ...page, year });
  }

  @FieldResolver(() => WorkloadModel, { description: 'Number of tasks by role, for a year and section if given.' })
  async workload(@Root() unit: UnitModel, @Args() { year, section }: WorkloadArgs, @Ctx() ctx: RequestContext): Promise<WorkloadModel> {
    return Object.assign(new WorkloadModel(), await loadWorkload(ctx, unit.dbId, year, section), { unit });
  }
}

@Resolver(() => CollaboratorModel)
export class CollaboratorFieldsResolver {
  @FieldResolver(() => [TaskModel], { description: 'The tasks both units are assigned to (共同承担的任务), any role, in the order they were imported.' })
  sharedTaskList(@Root() collaborator: CollaboratorModel, @Ctx() ctx: RequestContext): Promise<TaskModel[]> {
    return Promise.all(collaborator.taskIds.map((id) => loadTask(ctx, id)));
  }
}
