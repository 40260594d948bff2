import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('YearRecord', { description: 'One year of a unit’s or a leader’s record (历年情况), lights at the date of the newest report of that year’s plan.' })
export class YearRecordModel {
  @Field(() => Int, { description: 'Year of the plan.' })
  year: number;

  @Field(() => Int, { nullable: true, description: 'Tasks it leads (牵头); null for a leader.' })
  lead: number | null;

  @Field(() => Int, { nullable: true, description: 'Tasks it co-operates on (协同/配合); null for a leader.' })
  co: number | null;

  @Field(() => Int, { description: 'Tasks in any role (a unit both leading and co-operating on a task counts it once).' })
  total: number;

  @Field(() => Int, { description: 'Completed tasks (newest update 已完成): for a unit, of the tasks it leads (牵头单位负责制); for a leader, of all its tasks.' })
  completed: number;

  @Field(() => Int, { description: 'Tasks at red or yellow light (红灯/黄灯): for a unit, of the tasks it leads; for a leader, of all its tasks.' })
  atRisk: number;

  @Field(() => Float, { nullable: true, description: 'completed / (lead tasks for a unit, all tasks for a leader); null when that is 0.' })
  completionRate: number | null;
}
