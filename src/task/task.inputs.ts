import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { IntFilter, StringFilter } from '../graphql/filters.inputs';
import { OrderDirection } from '../graphql/order';
import { ConnectionArgs } from '../graphql/pagination';
import { LeaderListFilter } from '../leader/leader.inputs';
import { ProgressListFilter } from '../progress/progress.inputs';
import { UnitListFilter } from '../unit/unit.inputs';
import { Section } from './section';
import { DueFilter, PercentFilter, ReportedFilter, RiskFilter } from '../risk/supervision.inputs';
import { ProgressStatusFilter } from '../progress/progress.inputs';
import { RoundReportFilter } from '../round/round-where.inputs';

@InputType({ description: 'Conditions on a section.' })
export class SectionFilter {
  @Field(() => Section, { nullable: true, description: 'Is this section.' })
  eq?: Section;

  @Field(() => [Section], { nullable: true, description: 'Is one of these sections.' })
  in?: Section[];
}

@InputType({ description: 'Conditions on a task. All given conditions must hold; combine with AND / OR / NOT.' })
export class TaskWhere {
  @Field(() => [TaskWhere], { nullable: true, description: 'All of these hold.' })
  AND?: TaskWhere[];

  @Field(() => [TaskWhere], { nullable: true, description: 'At least one of these holds.' })
  OR?: TaskWhere[];

  @Field(() => TaskWhere, { nullable: true, description: 'This does not hold.' })
  NOT?: TaskWhere;

  @Field(() => IntFilter, { nullable: true, description: 'Year of the plan.' })
  year?: IntFilter;

  @Field(() => SectionFilter, { nullable: true, description: 'Table the task comes from.' })
  section?: SectionFilter;

  @Field(() => IntFilter, { nullable: true, description: 'Row number (序号).' })
  number?: IntFilter;

  @Field(() => StringFilter, { nullable: true, description: 'Jurisdiction of the plan (重庆市沙坪坝区, 重庆市渝中区 …).' })
  jurisdiction?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: 'Work heading (工作任务); tasks without one never match.' })
  category?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: 'Task text.' })
  content?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: 'Project name (项目名称) of livelihood projects.' })
  title?: StringFilter;

  @Field(() => LeaderListFilter, { nullable: true, description: 'Responsible leaders (责任领导).' })
  leaders?: LeaderListFilter;

  @Field(() => UnitListFilter, { nullable: true, description: 'Lead units (牵头单位).' })
  leadUnits?: UnitListFilter;

  @Field(() => UnitListFilter, { nullable: true, description: 'Co-units (协同单位 / 配合单位).' })
  coUnits?: UnitListFilter;

  @Field(() => UnitListFilter, { nullable: true, description: 'Units in any role.' })
  units?: UnitListFilter;

  @Field(() => ProgressListFilter, { nullable: true, description: 'Progress updates (进展情况).' })
  progress?: ProgressListFilter;

  // issue #10: supervision signals, compiled by src/risk/supervision-where.sql.ts
  @Field(() => RiskFilter, { nullable: true, description: 'Supervision light (红黄绿灯) at a date, as Task.risk.' })
  risk?: RiskFilter;

  @Field(() => DueFilter, { nullable: true, description: 'Deadline (完成时限), as Task.due.' })
  due?: DueFilter;

  @Field(() => ProgressStatusFilter, { nullable: true, description: 'Status of the newest progress update (最新进展), as Task.latestProgress; a task without updates never matches.' })
  latestStatus?: ProgressStatusFilter;

  @Field(() => PercentFilter, { nullable: true, description: 'Percent stated by the newest progress update (已完成总进度的…%).' })
  percent?: PercentFilter;

  @Field(() => ReportedFilter, { nullable: true, description: 'Whether the report of a period covers the task (已报送 / 未报送), as Task.reported.' })
  reported?: ReportedFilter;

  // issue 17: the office's decisions, compiled by src/extension/workflow-where.sql.ts
  @Field(() => Boolean, { nullable: true, description: 'true: closed by the office (办结/销号, Task.closure); false: open.' })
  closed?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'true: has an extension request (延期申请) awaiting the office’s answer; false: has none.' })
  extensionPending?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'true: its deadline was moved by an approved extension (Task.due.source EXTENSION); false: it was not.' })
  extended?: boolean;

  // issue 17: compiled by src/round/round-where.sql.ts
  @Field(() => RoundReportFilter, { nullable: true, description: 'Where the task stands in a reporting round (报送轮次): not reported, waiting for review, returned, overdue.' })
  roundReport?: RoundReportFilter;
}

export enum TaskOrderField {
  YEAR = 'YEAR',
  SECTION = 'SECTION',
  NUMBER = 'NUMBER',
}

registerEnumType(TaskOrderField, {
  name: 'TaskOrderField',
  description: 'What tasks can be sorted by.',
  valuesConfig: {
    YEAR: { description: 'Year of the plan.' },
    SECTION: { description: 'Section, in document order: TARGET, LIVELIHOOD, KEY_TASK.' },
    NUMBER: { description: 'Row number (序号).' },
  },
});

@InputType({ description: 'One sort key for tasks. Ties are always broken by the task id, so pages are stable.' })
export class TaskOrder {
  @Field(() => TaskOrderField, { description: 'What to sort by.' })
  field: TaskOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction (default ASC).' })
  direction: OrderDirection;
}

@ArgsType()
export class TaskConnectionArgs extends ConnectionArgs {
  @Field(() => TaskWhere, { nullable: true, description: 'Only tasks matching these conditions.' })
  where?: TaskWhere;

  @Field(() => [TaskOrder], { nullable: true, description: 'Sort keys, most significant first. Default: year, section, number.' })
  orderBy?: TaskOrder[];
}
