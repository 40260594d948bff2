import { Field, ObjectType } from 'type-graphql';

@ObjectType('PathHop', { description: 'One step of a unit path or a leader path (UnitPath, LeaderPath): two units and the tasks they share (any role, 协同关系).' })
export class PathHopModel {
  fromId: number;
  toId: number;
  taskIds: number[];
}

@ObjectType('UnitPath', { description: 'A shortest chain of units joined by shared tasks (协同关系), from one unit to another.' })
export class UnitPathModel {
  unitIds: number[];

  @Field(() => [PathHopModel], { description: 'The hops in order, each with the tasks that join its two units.' })
  hops: PathHopModel[];
}
