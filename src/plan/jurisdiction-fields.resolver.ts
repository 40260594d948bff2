import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { LeaderModel } from '../leader/leader.type';
import { UnitModel } from '../unit/unit.type';
import { loadJurisdictionOf } from './jurisdiction.loaders';

const DESCRIPTION = 'Jurisdiction it belongs to (e.g. 重庆市沙坪坝区): the same short name is another body in another district.';

@Resolver(() => UnitModel)
export class UnitJurisdictionResolver {
  @FieldResolver(() => String, { description: DESCRIPTION })
  jurisdiction(@Root() unit: UnitModel, @Ctx() ctx: RequestContext): Promise<string> {
    return loadJurisdictionOf(ctx, 'unit', unit.dbId);
  }
}

@Resolver(() => LeaderModel)
export class LeaderJurisdictionResolver {
  @FieldResolver(() => String, { description: DESCRIPTION })
  jurisdiction(@Root() leader: LeaderModel, @Ctx() ctx: RequestContext): Promise<string> {
    return loadJurisdictionOf(ctx, 'leader', leader.dbId);
  }
}
