import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, Info, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { ConnectionArgs, type Page } from '../graphql/pagination';
import { UnitOrder } from '../graph/unit-order.inputs';
import { orderedUnitPage } from '../graph/unit-order-pages';
import { Section } from '../task/section';
import { UnitConnection, WorkloadConnection } from './unit-connection.type';
import type { UnitWorkloadModel } from './unit-graph.types';
import { UnitWhere } from './unit.inputs';
import { WorkloadOrder } from './workload-order.inputs';
import { unitPage, workloadPage } from './unit-pages';
import { findUnitByName } from './unit-lookup';
import { UnitModel } from './unit.type';

@ArgsType()
class UnitsArgs extends ConnectionArgs {
  @Field(() => UnitWhere, { nullable: true, description: 'Only units matching these conditions.' })
  where?: UnitWhere;

  // The analysts' graph (src/graph): order by betweenness.
  @Field(() => [UnitOrder], { nullable: true, description: 'Sort keys, most significant first. Default: name.' })
  orderBy?: UnitOrder[];

  @Field(() => Int, { nullable: true, description: 'Year of the collaboration graph for BETWEENNESS ordering.' })
  year?: number;

  @Field({
    defaultValue: true,
    description:
      'For BETWEENNESS ordering: false ranks by the betweenness of the graph without the collective units (集体单位: 各镇街, 各部门 …), as Unit.centrality(includeCollectives: false); the collectives then score 0 like units without a task that year.',
  })
  includeCollectives: boolean;
}

@ArgsType()
class WorkloadsArgs extends ConnectionArgs {
  @Field(() => Int, { description: 'Year of the plans to count.' })
  year: number;

  @Field(() => Section, { nullable: true, description: 'Only tasks of this section.' })
  section?: Section;

  @Field(() => [WorkloadOrder], { nullable: true, description: 'Sort keys, most significant first (排序). Default: total, most first; ties by name, then id.' })
  orderBy?: WorkloadOrder[];
}

@Resolver()
export class UnitQueryResolver {
  @Query(() => UnitModel, { nullable: true, description: 'A unit by canonical name or any alias ("区文旅委" finds 区文化旅游委). Null when unknown.' })
  async unit(
    @Arg('name', { description: 'Canonical name or alias.' }) name: string,
    @Arg('jurisdiction', () => String, { nullable: true, description: 'Jurisdiction (重庆市渝中区, or 渝中区); needed when the name exists in several.' }) jurisdiction: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitModel | null> {
    const row = await findUnitByName(ctx, name, jurisdiction ?? null);
    return row ? UnitModel.fromRow(row) : null;
  }

  @Query(() => UnitConnection, { description: 'Units by name, filtered and paginated.' })
  units(@Args() args: UnitsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Page<UnitModel>> {
    return args.orderBy?.length ? orderedUnitPage(ctx, { ...args, orderBy: args.orderBy }) : unitPage(ctx, args, info);
  }

  @Query(() => WorkloadConnection, {
    description: 'Every unit with its number of tasks in a year (工作量), most loaded first unless `orderBy` says otherwise (ties by name); stable under pagination. For integrations pulling per-unit workloads.',
  })
  workloads(@Args() args: WorkloadsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Page<UnitWorkloadModel>> {
    return workloadPage(ctx, args, info);
  }
}
