import { Field, Int, ObjectType } from 'type-graphql';
import { LeaderModel } from '../leader/leader.type';
import { UnitModel } from './unit.type';

@ObjectType('Workload', { description: "A unit's number of tasks by role. A unit both lead and co-unit of one task counts once in total." })
export class WorkloadModel {
  @Field(() => Int, { description: 'Tasks where the unit is a lead unit (牵头单位).' })
  lead: number;

  @Field(() => Int, { description: 'Tasks where the unit is a co-unit (协同单位 / 配合单位).' })
  co: number;

  @Field(() => Int, { description: 'Distinct tasks in any role.' })
  total: number;
}

@ObjectType('UnitWorkload', { description: "One unit's workload in a year (see Query.workloads)." })
export class UnitWorkloadModel extends WorkloadModel {
  @Field(() => UnitModel, { description: 'The unit.' })
  unit: UnitModel;
}

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
