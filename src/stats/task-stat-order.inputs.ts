import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../graphql/order';

/** What the groups of taskStats can be sorted by: the counts of each group. */
export enum TaskStatOrderField {
  COUNT = 'COUNT',
  COMPLETED = 'COMPLETED',
  COMPLETION_RATE = 'COMPLETION_RATE',
  RED = 'RED',
  YELLOW = 'YELLOW',
  GREEN = 'GREEN',
  UNKNOWN = 'UNKNOWN',
  AT_RISK = 'AT_RISK',
}

registerEnumType(TaskStatOrderField, {
  name: 'TaskStatOrderField',
  description: 'A count taskStats groups can be sorted by (分类统计排序).',
  valuesConfig: {
    COUNT: { description: 'Tasks in the group (TaskStat.count).' },
    COMPLETED: { description: 'Completed tasks 已完成 (TaskStat.completed).' },
    COMPLETION_RATE: { description: 'Completion rate 完成率 (TaskStat.completionRate); groups without a rate come last either way.' },
    RED: { description: 'Red lights 红灯 (TaskStat.red).' },
    YELLOW: { description: 'Yellow lights 黄灯 (TaskStat.yellow).' },
    GREEN: { description: 'Green lights 绿灯 (TaskStat.green).' },
    UNKNOWN: { description: 'Tasks not judged yet (TaskStat.unknown).' },
    AT_RISK: { description: 'Red plus yellow lights 红灯+黄灯 (TaskStat.atRisk).' },
  },
});

@InputType({ description: 'One sort key for the groups of taskStats (分类统计排序). Ties keep the default order: by the grouped dimensions in the order of `groupBy`.' })
export class TaskStatOrder {
  @Field(() => TaskStatOrderField, { description: 'What to sort by.' })
  field: TaskStatOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'Direction (default DESC: the largest first).' })
  direction: OrderDirection;
}
