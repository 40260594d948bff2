import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { LeaderModel } from '../leader/leader.type';
import { Section } from '../task/section';
import { loadTask } from '../task/task.loaders';
import { TaskModel } from '../task/task.type';
import { ChainLinkModel } from './chain-link.type';
import { loadChain } from './chain.loaders';

@ArgsType()
class ChainArgs {
  @Field(() => Int, { nullable: true, description: 'Only tasks of this year; all years when omitted.' })
  year?: number;

  @Field(() => Section, { nullable: true, description: 'Only tasks of this section.' })
  section?: Section;
}

@Resolver(() => LeaderModel)
export class LeaderChainResolver {
  @FieldResolver(() => [ChainLinkModel], {
    description:
      'The responsibility chain (责任链): leader → each lead unit (牵头单位) of their tasks → the co-units (协同单位) it pulls in. Lead units with most tasks first.',
  })
  chain(@Root() leader: LeaderModel, @Args() { year, section }: ChainArgs, @Ctx() ctx: RequestContext): Promise<ChainLinkModel[]> {
    return loadChain(ctx, leader.dbId, year, section);
  }
}

@Resolver(() => ChainLinkModel)
export class ChainLinkFieldsResolver {
  @FieldResolver(() => [TaskModel], { description: 'The tasks the unit leads under this leader, by year, section and number.' })
  tasks(@Root() link: ChainLinkModel, @Ctx() ctx: RequestContext): Promise<TaskModel[]> {
    return Promise.all(link.taskIds.map((id) => loadTask(ctx, id)));
  }
}
