import { Field, Int, ObjectType } from 'type-graphql';
import { PathHopModel } from './unit-path.type';

@ObjectType('LeaderPath', {
  description:
    'A shortest chain between two leaders (责任区领导) through the collaboration graph (协同网络): leader → a unit on one of their tasks → … units joined by shared tasks … → a unit on one of the other leader’s tasks → leader.',
})
export class LeaderPathModel {
  fromId: number;
  toId: number;
  unitIds: number[];
  fromTaskIds: number[];
  toTaskIds: number[];

  @Field(() => [PathHopModel], { description: 'The unit-to-unit steps in order, each with the tasks that join its two units; empty when one unit is on tasks of both leaders.' })
  hops: PathHopModel[];

  @Field(() => Int, { description: 'Steps in all, the two leader–unit steps included (hops + 2).' })
  get length(): number {
    return this.hops.length + 2;
  }
}
