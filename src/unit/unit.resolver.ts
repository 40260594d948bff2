import { Arg, Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { ConnectionArgs, type Page } from '../graphql/pagination';
import { normaliseUnitName } from '../import/unit-name-normalise';
import { Section } from '../task/section';
import { UnitConnection, WorkloadConnection } from './unit-connection.type';
import type { UnitWorkloadModel } from './unit-graph.types';
import { UnitWhere } from './unit.inputs';
import { unitPage, workloadPage } from './unit-pages';
import { UnitModel, type UnitRow } from './unit.type';
import { assertFilterSize } from '../graphql/filter-size';

@ArgsType()
class UnitsArgs extends ConnectionArgs {
  @Field(() => UnitWhere, { nullable: true, description: 'Only units matching these conditions.' })
  where?: UnitWhere;
}

@ArgsType()
class WorkloadsArgs extends ConnectionArgs {
  @Field(() => Int, { description: 'Year of the plans to count.' })
  year: number;

  @Field(() => Section, { nullable: true, description: 'Only tasks of this section.' })
  section?: Section;
}

@Resolver()
export class UnitQueryResolver {
  @Query(() => UnitModel, { nullable: true, description: 'A unit by canonical name or any alias ("区文旅委" finds 区文化旅游委). Null when unknown.' })
  async unit(@Arg('name', { description: 'Canonical name or alias.' }) name: string, @Ctx() ctx: RequestContext): Promise<UnitModel | null> {
    const [row] = await ctx.query<UnitRow>(
      `SELECT u.id, u.name, u.kind, u.needs_review FROM unit u
       WHERE u.name = $1 OR EXISTS (SELECT 1 FROM unit_alias ua WHERE ua.unit_id = u.id AND ua.alias = $1)
       ORDER BY (u.name = $1) DESC, u.id LIMIT 1`,
      [normaliseUnitName(name)],
    );
    return row ? UnitModel.fromRow(row) : null;
  }

  @Query(() => UnitConnection, { description: 'Units by name, filtered and paginated.' })
  units(@Args() args: UnitsArgs, @Ctx() ctx: RequestContext): Promise<Page<UnitModel>> {
    assertFilterSize(args.where);
    return unitPage(ctx, args);
  }

  @Query(() => WorkloadConnection, {
    description: 'Every unit with its number of tasks in a year, most loaded first (ties by name); stable under pagination. For integrations pulling per-unit workloads.',
  })
  workloads(@Args() args: WorkloadsArgs, @Ctx() ctx: RequestContext): Promise<Page<UnitWorkloadModel>> {
    return workloadPage(ctx, args);
  }
}
