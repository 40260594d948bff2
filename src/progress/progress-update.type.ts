import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';
import { ProgressStatus } from './progress-status';
import type { ProgressItem } from './progress-update.entity';

@ObjectType('ProgressItem', { description: 'One numbered item (①②③…) of a progress text.' })
export class ProgressItemModel {
  @Field(() => Int, { nullable: true, description: 'The circled number as written (① → 1); null for text before the first number or an unnumbered text.' })
  number: number | null;

  @Field({ description: 'The item text without its number.' })
  text: string;
}

export interface ProgressRow {
  id: number;
  task_id: number;
  document_id: number | null;
  period: string;
  text: string;
  items: ProgressItem[];
  status: ProgressStatus;
  status_reason: string;
  percent: number | null;
  percent_reason: string | null;
  report_id: number | null;
}

@ObjectType('ProgressUpdate', { implements: Node, description: 'A task’s progress for one period (进展情况): what an imported progress report (推进情况报告) says about it, or the unit’s report the office accepted in a reporting round — one per task and period.' })
export class ProgressUpdateModel extends Node {
  readonly __typename = 'ProgressUpdate';
  dbId: number;
  taskId: number;
  documentId: number | null;
  reportId: number | null;

  @Field({ description: 'Reporting period (2021-Q1).' })
  period: string;

  @Field(() => ProgressStatus, { description: 'Status derived from the text by keyword rules; `statusReason` says which rule.' })
  status: ProgressStatus;

  @Field({ description: 'The rule that set `status`, with the words it matched.' })
  statusReason: string;

  @Field({ description: 'The progress text as reported.' })
  text: string;

  @Field(() => [ProgressItemModel], { description: 'The text split at its circled numbers (①②③).' })
  items: ProgressItemModel[];

  @Field(() => Float, { nullable: true, description: 'Share of the task done (0–100) when the text states one (已完成总进度的43.3%, 完成总工程量的84%, 完成年度任务的27.3%); null when it states none. Growth rates and ratios (同比增长, 完成率, 占比) do not count. With several projects stated, the lowest.' })
  percent: number | null;

  @Field(() => String, { nullable: true, description: 'The phrase(s) that gave `percent`, quoted from the text.' })
  percentReason: string | null;

  static fromRow(row: ProgressRow): ProgressUpdateModel {
    return Object.assign(new ProgressUpdateModel(), {
      dbId: row.id,
      taskId: row.task_id,
      documentId: row.document_id,
      period: row.period,
      status: row.status,
      statusReason: row.status_reason,
      text: row.text,
      items: row.items,
      percent: row.percent,
      percentReason: row.percent_reason,
      reportId: row.report_id,
    });
  }
}
