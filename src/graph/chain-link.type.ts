import { Field, ObjectType } from 'type-graphql';
import { UnitCountModel } from '../unit/unit-graph.types';
import { UnitModel } from '../unit/unit.type';

@ObjectType('ChainLink', {
  description: 'One lead unit (牵头单位) under a leader (责任领导): the tasks it leads for them and the co-units (协同单位) it pulls in.',
})
export class ChainLinkModel {
  @Field(() => UnitModel, { description: 'The lead unit.' })
  unit: UnitModel;

  taskIds: number[];

  @Field(() => [UnitCountModel], { description: 'Co-units of those tasks with how many of them each is on, most first (the lead unit itself excluded).' })
  coUnits: UnitCountModel[];
}
