import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { loadTask } from '../task/task.loaders';
import { TaskModel } from '../task/task.type';
import { loadUnit } from '../unit/unit.loaders';
import { UnitModel } from '../unit/unit.type';
import { MAX_HOPS, MIN_HOPS, unitPath } from './graph.service';
import { PathHopModel, UnitPathModel } from './unit-path.type';

@ArgsType()
class UnitPathArgs {
  @Field({ description: 'Unit to start from: canonical name or alias.' })
  from: string;

  @Field({ description: 'Unit to reach: canonical name or alias.' })
  to: string;

  @Field(() => Int, { nullable: true, description: 'Only tasks of this year; all years of the jurisdiction when omitted.' })
  year?: number;

  @Field(() => Int, { defaultValue: 4, description: `Longest chain to accept, in hops: ${MIN_HOPS}–${MAX_HOPS}, default 4.` })
  maxHops: number;
}

@Resolver()
export class UnitPathQueryResolver {
  @Query(() => UnitPathModel, {
    nullable: true,
    description:
      'A shortest chain of units joined by shared tasks (any role) from one unit to another, fewest hops first; each hop lists the tasks that join it. Null when none is within maxHops. An unknown name is an error naming it.',
  })
  unitPath(@Args() args: UnitPathArgs, @Ctx() ctx: RequestContext): Promise<UnitPathModel | null> {
    return unitPath(ctx, args);
  }
}

@Resolver(() => UnitPathModel)
export class UnitPathFieldsResolver {
  @FieldResolver(() => [UnitModel], { description: 'The units of the chain in order, both ends included.' })
  units(@Root() path: UnitPathModel, @Ctx() ctx: RequestContext): Promise<UnitModel[]> {
    return Promise.all(path.unitIds.map((id) => loadUnit(ctx, id)));
  }
}

@Resolver(() => PathHopModel)
export class PathHopFieldsResolver {
  @FieldResolver(() => UnitModel, { description: 'The unit the hop starts from.' })
  from(@Root() hop: PathHopModel, @Ctx() ctx: RequestContext): Promise<UnitModel> {
    return loadUnit(ctx, hop.fromId);
  }

  @FieldResolver(() => UnitModel, { description: 'The unit the hop reaches.' })
  to(@Root() hop: PathHopModel, @Ctx() ctx: RequestContext): Promise<UnitModel> {
    return loadUnit(ctx, hop.toId);
  }

  @FieldResolver(() => [TaskModel], { description: 'The tasks both units are on (any role), in document order.' })
  tasks(@Root() hop: PathHopModel, @Ctx() ctx: RequestContext): Promise<TaskModel[]> {
    return Promise.all(hop.taskIds.map((id) => loadTask(ctx, id)));
  }
}
