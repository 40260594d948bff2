import { ArgsType, Field } from 'type-graphql';
import { TaskWhere } from '../task/task.inputs';
import { TaskDimension } from './task-dimension';

@ArgsType()
export class TaskStatsArgs {
  @Field(() => TaskWhere, { nullable: true, description: 'Only tasks matching these conditions (as in tasks(where:)).' })
  where?: TaskWhere;

  @Field(() => [TaskDimension], { description: 'Dimensions to group by; [] gives one total row. Order does not matter; rows come sorted by the dimensions in the order given.' })
  groupBy: TaskDimension[];

  @Field(() => String, { nullable: true, description: 'Date for the lights (red/yellow/green and RISK), ISO 8601. Default: per task, the date of the newest progress report of its plan. A risk condition in `where` has its own asOf.' })
  asOf?: string;
}
