import { ArgsType, Field, Int } from 'type-graphql';
import { TaskWhere } from '../task/task.inputs';
import { TaskDimension } from './task-dimension';
import { TaskStatOrder } from './task-stat-order.inputs';

@ArgsType()
export class TaskStatsArgs {
  @Field(() => TaskWhere, { nullable: true, description: 'Only tasks matching these conditions (as in tasks(where:)).' })
  where?: TaskWhere;

  @Field(() => [TaskDimension], { description: 'Dimensions to group by; [] gives one total row. Order does not matter; rows come sorted by the dimensions in the order given.' })
  groupBy: TaskDimension[];

  @Field(() => String, { nullable: true, description: 'Date for the lights (red/yellow/green and RISK), ISO 8601. Default: per task, the date of the newest progress report of its plan. A risk condition in `where` has its own asOf.' })
  asOf?: string;

  @Field(() => [TaskStatOrder], { nullable: true, description: 'Sort the groups by their counts (排序), most significant key first; ties and the default keep the order of the grouped dimensions. Example: the units with the most red lights first: groupBy: [UNIT], orderBy: [{ field: RED }], first: 10.' })
  orderBy?: TaskStatOrder[];

  @Field(() => Int, { nullable: true, description: 'Only the first this many groups in that order (前N名), 1–1000. Without it every group comes back, and a grouping of more than 1000 groups is refused.' })
  first?: number;
}
