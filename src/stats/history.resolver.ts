import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { LeaderModel } from '../leader/leader.type';
import { UnitModel } from '../unit/unit.type';
import { loadLeaderHistory, loadUnitHistory } from './history.loaders';
import { YearRecordModel } from './year-record.type';

const WHY = 'Lights are judged at the date of the newest progress report of each year’s plan.';

@Resolver(() => UnitModel)
export class UnitHistoryResolver {
  @FieldResolver(() => [YearRecordModel], { description: `Year by year (历年情况): tasks led and co-operated on, completed and at risk of the tasks it leads, oldest year first. ${WHY}` })
  history(@Root() unit: UnitModel, @Ctx() ctx: RequestContext): Promise<YearRecordModel[]> {
    return loadUnitHistory(ctx, unit.dbId);
  }
}

@Resolver(() => LeaderModel)
export class LeaderHistoryResolver {
  @FieldResolver(() => [YearRecordModel], { description: `Year by year (历年情况): tasks under this leader (责任领导), completed and at risk, oldest year first. ${WHY}` })
  history(@Root() leader: LeaderModel, @Ctx() ctx: RequestContext): Promise<YearRecordModel[]> {
    return loadLeaderHistory(ctx, leader.dbId);
  }
}
