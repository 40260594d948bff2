import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { loadUnit } from '../unit/unit.loaders';
import { UnitModel } from '../unit/unit.type';
import { CentralityModel, CommunityModel } from './centrality.type';
import { centralityOf, communityOf } from './graph.service';

@Resolver(() => UnitModel)
export class UnitCentralityResolver {
  @FieldResolver(() => CentralityModel, {
    nullable: true,
    description:
      'Degree, weighted degree, betweenness and broker rank in the collaboration graph of a year (协同网络). Null when the unit has no task that year (or is a collective and includeCollectives is false).',
  })
  centrality(
    @Root() unit: UnitModel,
    @Arg('year', () => Int, { description: 'Year of the plan.' }) year: number,
    @Arg('includeCollectives', {
      defaultValue: true,
      description:
        'false: the collective units (集体单位: 各镇街, 各部门, 各有关单位 …, kind COLLECTIVE) are taken out of the graph before betweenness and ranks are computed, so brokers are counted between real bodies only; a collective then has no centrality (null).',
    })
    includeCollectives: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<CentralityModel | null> {
    return centralityOf(ctx, unit.dbId, year, includeCollectives);
  }

  @FieldResolver(() => CommunityModel, {
    nullable: true,
    description: 'The group of units it works with most in a year (Louvain communities, deterministic). Null when the unit has no task that year.',
  })
  community(@Root() unit: UnitModel, @Arg('year', () => Int, { description: 'Year of the plan.' }) year: number, @Ctx() ctx: RequestContext): Promise<CommunityModel | null> {
    return communityOf(ctx, unit.dbId, year);
  }
}

@Resolver(() => CommunityModel)
export class CommunityFieldsResolver {
  @FieldResolver(() => [UnitModel], { description: 'The units of the community, by id.' })
  units(@Root() community: CommunityModel, @Ctx() ctx: RequestContext): Promise<UnitModel[]> {
    return Promise.all(community.unitIds.map((id) => loadUnit(ctx, id)));
  }
}
