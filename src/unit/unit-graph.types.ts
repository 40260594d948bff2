import { Field, Int, ObjectType } from 'type-graphql';
import { LeaderModel } from '../leader/leader.type';
import { UnitModel } from './unit.type';

@ObjectType('Workload', { description: "A unit's number of tasks by role (工作量). A unit both lead and co-unit of one task counts once in total." })
export class WorkloadModel {
  @Field(() => UnitModel, { description: 'The unit (责任单位) counted.' })
  unit: UnitModel;

  @Field(() => Int, { description: 'Tasks where the unit is a lead unit (牵头单位).' })
  lead: number;

  @Field(() => Int, { description: 'Tasks where the unit is a co-unit (协同单位 / 配合单位).' })
  co: number;

  @Field(() => Int, { description: 'Distinct tasks in any role.' })
  total: number;
}

/**
 * The twin of Workload, merged into it: Workload now carries `unit` too, so
 * both have the same fields. The type name stays for the nodes of
 * Query.workloads, because fragments and generated client types name it and
 * GraphQL cannot deprecate a type; drop it at the next breaking release.
 */
@ObjectType('UnitWorkload', {
  description: "One unit's workload (工作量) in a year, the nodes of Query.workloads: the same fields as Workload (Unit.workload), which it will be merged into at the next breaking release.",
})
export class UnitWorkloadModel extends WorkloadModel {}

@ObjectType('Collaborator', { description: 'A unit that shares tasks with another unit, in any role (协同关系).' })
export class CollaboratorModel {
  taskIds: number[];

  @Field(() => UnitModel, { description: 'The other unit.' })
  unit: UnitModel;

  @Field(() => Int, { description: 'Number of tasks both units are assigned to (共同承担的任务数).' })
  sharedTaskCount: number;

  @Field(() => Int, {
    description: 'Number of tasks both units are assigned to.',
    deprecationReason: 'A count under a name that reads as a list: use `sharedTaskCount`, and `sharedTaskList` for the tasks themselves.',
  })
  get sharedTasks(): number {
    return this.sharedTaskCount;
  }
}

@ObjectType('UnitCount', { description: 'A unit with a number of tasks: those it shares with the parent leader (Leader.units), or with the lead unit of a chain link (ChainLink.coUnits).' })
export class UnitCountModel {
  @Field(() => UnitModel, { description: 'The unit.' })
  unit: UnitModel;

  @Field(() => Int, { description: 'Number of tasks.' })
  taskCount: number;
}

@ObjectType('LeaderCount', { description: 'A leader with the number of tasks they share with the parent unit.' })
export class LeaderCountModel {
  @Field(() => LeaderModel, { description: 'The leader.' })
  leader: LeaderModel;

  @Field(() => Int, { description: 'Number of tasks.' })
  taskCount: number;
}
