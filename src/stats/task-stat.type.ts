import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LeaderModel } from '../leader/leader.type';
import { CategoryModel } from '../task/category.type';
import { UnitModel } from '../unit/unit.type';
import { ProgressStatus } from '../progress/progress-status';
import { RiskLevel } from '../risk/risk-level';
import { Section } from '../task/section';
import { Role } from '../unit/role';

@ObjectType('TaskStat', {
  description:
    'One group of taskStats: the grouped keys (null where not grouped by that dimension, or where the task has no value there) and the counts of the group.',
})
export class TaskStatModel {
  @Field(() => Int, { nullable: true, description: 'Year of the plan (grouped by YEAR).' })
  year: number | null;

  @Field(() => Section, { nullable: true, description: 'Table (grouped by SECTION).' })
  section: Section | null;

  @Field(() => String, { nullable: true, deprecationReason: 'Use categoryNode { name }: a name is not unique across plans.', description: 'Work heading 工作任务, by name (grouped by CATEGORY).' })
  category: string | null;

  @Field(() => CategoryModel, { nullable: true, description: 'Work heading 工作任务 of the group, as an object (grouped by CATEGORY; null for targets and livelihood projects).' })
  categoryNode: CategoryModel | null;

  @Field(() => String, { nullable: true, deprecationReason: 'Use leaderNode { name }: a name is not unique across jurisdictions.', description: 'Responsible leader 责任领导, by name (grouped by LEADER).' })
  leader: string | null;

  @Field(() => LeaderModel, { nullable: true, description: 'Responsible leader 责任领导 of the group, as an object (grouped by LEADER; null for tasks without one).' })
  leaderNode: LeaderModel | null;

  @Field(() => String, { nullable: true, deprecationReason: 'Use unitNode { name }: a name is not unique across jurisdictions.', description: 'Unit 责任单位, by canonical name (grouped by UNIT).' })
  unit: string | null;

  @Field(() => UnitModel, { nullable: true, description: 'Unit 责任单位 of the group, as an object (grouped by UNIT): open it, or cache it by id.' })
  unitNode: UnitModel | null;

  @Field(() => Role, { nullable: true, description: 'Role 牵头/协同 (grouped by ROLE).' })
  role: Role | null;

  @Field(() => ProgressStatus, { nullable: true, description: 'Status of the newest update 最新进展 (grouped by STATUS).' })
  status: ProgressStatus | null;

  @Field(() => RiskLevel, { nullable: true, description: 'Supervision light 红黄绿灯 at asOf (grouped by RISK).' })
  risk: RiskLevel | null;

  @Field(() => String, { nullable: true, description: 'Jurisdiction 行政区 (grouped by JURISDICTION).' })
  jurisdiction: string | null;

  @Field(() => Int, { description: 'Tasks in the group; when grouped by LEADER, UNIT or ROLE, one per (task, leader) or (task, unit, role).' })
  count: number;

  @Field(() => Int, { description: 'Of those, tasks whose newest update says completed (已完成).' })
  completed: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Completion rate (完成率), 0–1: completed / count. When grouped by UNIT, lead units only (牵头单位负责制): completed lead rows / lead rows of the group, null for a group with no lead rows (a pure co-unit).',
  })
  completionRate: number | null;

  @Field(() => Int, { description: 'Red lights (红灯) at asOf.' })
  red: number;

  @Field(() => Int, { description: 'Yellow lights (黄灯) at asOf.' })
  yellow: number;

  @Field(() => Int, { description: 'Green lights (绿灯) at asOf.' })
  green: number;

  @Field(() => Int, { description: 'No report yet at asOf (UNKNOWN).' })
  unknown: number;

  @Field(() => Int, { description: 'At risk (红灯+黄灯): red plus yellow lights at asOf.' })
  get atRisk(): number {
    return this.red + this.yellow;
  }
}
