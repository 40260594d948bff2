import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';
import { ProgressStatus } from '../progress/progress-status';
import { ReportState } from './report-state';
import type { ReportRow } from './report-row';
import './round-enums';

@ObjectType('ReportDerivation', { description: 'What the rules for imported reports read off a report’s text, kept even when the unit corrects it.' })
export class ReportDerivationModel {
  @Field(() => ProgressStatus, { description: 'Status by the keyword rules.' })
  status: ProgressStatus;

  @Field({ description: 'The rule that set it, with the words it matched.' })
  statusReason: string;

  @Field(() => Float, { nullable: true, description: 'Percent the text states (已完成总进度的…%), or null.' })
  percent: number | null;

  @Field(() => String, { nullable: true, description: 'The phrase(s) that gave it.' })
  percentReason: string | null;
}

@ObjectType('ReportCorrection', { description: 'A unit’s correction of a derived status or percent (更正), as recorded.' })
export class ReportCorrectionModel {
  @Field({ description: '`status` or `percent`.' })
  field: string;

  @Field(() => String, { nullable: true, description: 'What the rules had read (null: the text states no percent).' })
  derived: string | null;

  @Field({ description: 'What the unit stated instead.' })
  corrected: string;

  @Field({ description: 'When (ISO 8601).' })
  at: string;
}

@ObjectType('ProgressReport', {
  implements: Node,
  description: 'A lead unit’s progress report (推进情况) on one task in a reporting round: the task-in-round of the supervision workflow.',
})
export class ProgressReportModel extends Node {
  readonly __typename = 'ProgressReport';
  dbId: number;
  roundId: number;
  taskId: number;
  unitId: number;

  @Field(() => ReportState, { description: 'Where the report stands (草稿, 已报送, 退回, 已采纳).' })
  state: ReportState;

  @Field({ description: 'The progress text (进展情况).' })
  text: string;

  @Field(() => Float, { nullable: true, description: 'Percent done: the unit’s if it stated one, else the one the text states; null when neither.' })
  percent: number | null;

  @Field(() => ProgressStatus, { description: 'Status: the unit’s if it stated one, else derived from the text as for imported reports.' })
  status: ProgressStatus;

  @Field({ description: 'Why `status` is what it is: the rule and the words it matched, or that the unit stated it.' })
  statusReason: string;

  @Field(() => String, { nullable: true, description: 'Why `percent` is what it is.' })
  percentReason: string | null;

  @Field(() => ReportDerivationModel, { description: 'What the rules read off the text, whatever the unit stated.' })
  derived: ReportDerivationModel;

  @Field(() => [ReportCorrectionModel], { description: 'The unit’s corrections of the derived values, oldest first.' })
  corrections: ReportCorrectionModel[];

  @Field(() => String, { nullable: true, description: 'A reference to an attachment (附件: a file number or link).' })
  attachment: string | null;

  @Field(() => String, { nullable: true, description: 'The office’s comment with its review (审核意见); why a report was returned.' })
  reviewComment: string | null;

  @Field(() => Int, { description: 'Version, for expectedVersion.' })
  version: number;

  @Field(() => String, { nullable: true, description: 'When it was last submitted (报送时间, ISO 8601); null for a draft never submitted.' })
  submittedAt: string | null;

  @Field(() => String, { nullable: true, description: 'When the office last reviewed it (ISO 8601).' })
  reviewedAt: string | null;

  static fromRow(row: ReportRow): ProgressReportModel {
    return Object.assign(new ProgressReportModel(), {
      dbId: row.id,
      roundId: row.round_id,
      taskId: row.task_id,
      unitId: row.unit_id,
      state: row.state,
      text: row.text,
      percent: row.percent,
      status: row.status,
      statusReason: row.status_reason,
      percentReason: row.percent_reason,
      derived: Object.assign(new ReportDerivationModel(), {
        status: row.derived_status,
        statusReason: row.derived_status_reason,
        percent: row.derived_percent,
        percentReason: row.derived_percent_reason,
      }),
      corrections: row.corrections.map((c) =>
        Object.assign(new ReportCorrectionModel(), { field: c.field, derived: c.derived == null ? null : String(c.derived), corrected: String(c.corrected), at: c.at }),
      ),
      attachment: row.attachment,
      reviewComment: row.review_comment,
      version: row.version,
      submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
      reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
    });
  }
}

@ObjectType('ProgressContribution', { description: 'A co-unit’s contribution (配合单位推进情况) to a task’s report in a round.' })
export class ContributionModel {
  unitId: number;

  @Field({ description: 'What the co-unit reports of its part.' })
  text: string;

  @Field({ description: 'When it last wrote it (ISO 8601).' })
  updatedAt: string;
}
