import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { loadLeader } from '../leader/leader.loaders';
import { LeaderModel } from '../leader/leader.type';
import { loadTask } from '../task/task.loaders';
import { TaskModel } from '../task/task.type';
import { loadUnit } from '../unit/unit.loaders';
import { UnitModel } from '../unit/unit.type';
import { MAX_LEADER_HOPS, leaderPathOf } from './leader-path.service';
import { LeaderPathModel } from './leader-path.type';

@ArgsType()
class LeaderPathArgs {
  @Field(() => ID, { description: 'Leader (责任区领导) to start from: their `id`.' })
  from: string;

  @Field(() => ID, { description: 'Leader to reach: their `id`.' })
  to: string;

  @Field(() => Int, { nullable: true, description: 'Only tasks of this year; all years of the jurisdiction when omitted.' })
  year?: number;

  @Field(() => Int, {
    defaultValue: 4,
    description: `Longest chain to accept, in unit-to-unit hops (the two leader–unit steps not counted): 0–${MAX_LEADER_HOPS}, default 4. 0 = only a unit on tasks of both.`,
  })
  maxHops: number;

  @Field({
    defaultValue: true,
    description: 'false: search the graph without the collective units (集体单位: 各镇街, 各部门, 各有关单位 …), which join almost everyone to everyone.',
  })
  includeCollectives: boolean;
}

@Resolver()
export class LeaderPathQueryResolver {
  @Query(() => LeaderPathModel, {
    nullable: true,
    description:
      'A shortest chain between two leaders (责任区领导之间的协同链): from a unit on one leader’s tasks through units sharing tasks to a unit on the other’s, fewest hops first. Null when none is within maxHops, a leader has no task in the year, or they are of different jurisdictions. An id that is not a leader’s is BAD_USER_INPUT.',
  })
  leaderPath(@Args() args: LeaderPathArgs, @Ctx() ctx: RequestContext): Promise<LeaderPathModel | null> {
    return leaderPathOf(ctx, args);
  }
}

@Resolver(() => LeaderPathModel)
export class LeaderPathFieldsResolver {
  @FieldResolver(() => LeaderModel, { description: 'The leader the chain starts from.' })
  from(@Root() path: LeaderPathModel, @Ctx() ctx: RequestContext): Promise<LeaderModel> {
    return loadLeader(ctx, path.fromId);
  }

  @FieldResolver(() => [TaskModel], { description: 'Tasks of the first leader that the first unit is on (the leader → unit step), in document order.' })
  fromTasks(@Root() path: LeaderPathModel, @Ctx() ctx: RequestContext): Promise<TaskModel[]> {
    return Promise.all(path.fromTaskIds.map((id) => loadTask(ctx, id)));
  }

  @FieldResolver(() => [UnitModel], { description: 'The units of the chain in order (责任单位), from the first leader’s side to the second’s.' })
  units(@Root() path: LeaderPathModel, @Ctx() ctx: RequestContext): Promise<UnitModel[]> {
    return Promise.all(path.unitIds.map((id) => loadUnit(ctx, id)));
  }

  @FieldResolver(() => [TaskModel], { description: 'Tasks of the second leader that the last unit is on (the unit → leader step), in document order.' })
  toTasks(@Root() path: LeaderPathModel, @Ctx() ctx: RequestContext): Promise<TaskModel[]> {
    return Promise.all(path.toTaskIds.map((id) => loadTask(ctx, id)));
  }

  @FieldResolver(() => LeaderModel, { description: 'The leader the chain reaches.' })
  to(@Root() path: LeaderPathModel, @Ctx() ctx: RequestContext): Promise<LeaderModel> {
    return loadLeader(ctx, path.toId);
  }
}
