import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import type { Page } from '../graphql/pagination';
import { TaskConnection } from '../task/task-connection.type';
import { TaskConnectionArgs } from '../task/task.inputs';
import { scopedTaskPage } from '../task/task-pages';
import type { TaskModel } from '../task/task.type';
import { Role } from '../unit/role';
import { UnitCountModel } from '../unit/unit-graph.types';
import { loadUnitsOfLeader } from '../unit/unit-graph.loaders';
import { findLeaderByName } from './leader-lookup';
import { loadLeaders } from './leader.loaders';
import { LeaderModel } from './leader.type';

@ArgsType()
class LeaderUnitsArgs {
  @Field(() => Role, { nullable: true, description: 'Only units in this role on the leader’s tasks.' })
  role?: Role;

  @Field(() => Int, { nullable: true, description: 'Only tasks of this year.' })
  year?: number;
}

@Resolver(() => LeaderModel)
export class LeaderResolver {
  @Query(() => LeaderModel, { nullable: true, description: 'A leader by name; padding spaces are ignored ("凌  健" finds 凌健). Null when unknown.' })
  async leader(
    @Arg('name', { description: 'The leader’s name, with or without padding spaces.' }) name: string,
    @Arg('jurisdiction', () => String, { nullable: true, description: 'Jurisdiction (重庆市渝中区, or 渝中区); needed when the name exists in several.' }) jurisdiction: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<LeaderModel | null> {
    const row = await findLeaderByName(ctx, name, jurisdiction ?? null);
    return row ? LeaderModel.fromRow(row) : null;
  }

  @Query(() => [LeaderModel], { description: 'Every leader, by name.' })
  async leaders(@Ctx() ctx: RequestContext): Promise<LeaderModel[]> {
    return loadLeaders(ctx);
  }

  @FieldResolver(() => TaskConnection, { description: 'Tasks the leader is responsible for (责任领导).' })
  tasks(@Root() leader: LeaderModel, @Args() args: TaskConnectionArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Page<TaskModel>> {
    return scopedTaskPage(ctx, { kind: 'leader' }, leader.dbId, args, info);
  }

  @FieldResolver(() => [UnitCountModel], { description: 'Units on the leader’s tasks with the number of such tasks, most first: leader → lead unit → co-units.' })
  units(@Root() leader: LeaderModel, @Args() { role, year }: LeaderUnitsArgs, @Ctx() ctx: RequestContext): Promise<UnitCountModel[]> {
    return loadUnitsOfLeader(ctx, leader.dbId, role, year);
  }
}
