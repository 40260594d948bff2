import type { ProgressStatus } from '../progress/progress-status';
import type { ReportCorrection } from './progress-report.entity';
import type { ReportState } from './report-state';

/** A progress_report row as the mutations and loaders read it. */
export interface ReportRow {
  id: number;
  round_id: number;
  task_id: number;
  unit_id: number;
  state: ReportState;
  text: string;
  attachment: string | null;
  status: ProgressStatus;
  status_reason: string;
  percent: number | null;
  percent_reason: string | null;
  derived_status: ProgressStatus;
  derived_status_reason: string;
  derived_percent: number | null;
  derived_percent_reason: string | null;
  corrections: ReportCorrection[];
  review_comment: string | null;
  version: number;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  created_at: Date;
}

export const REPORT_COLUMNS = `id, round_id, task_id, unit_id, state, text, attachment, status, status_reason, percent, percent_reason,
  derived_status, derived_status_reason, derived_percent, derived_percent_reason, corrections, review_comment, version, submitted_at, reviewed_at, created_at`;

export const REPORT_SELECT = `SELECT ${REPORT_COLUMNS} FROM progress_report`;
