import { derivePercent } from '../progress/percent-rules';
import type { ProgressStatus } from '../progress/progress-status';
import { deriveRowStatus } from '../progress/status-rules';
import type { Section } from '../task/section';
import type { ReportCorrection } from './progress-report.entity';

export interface ReportSignals {
  status: ProgressStatus;
  statusReason: string;
  percent: number | null;
  percentReason: string | null;
  derivedStatus: ProgressStatus;
  derivedStatusReason: string;
  derivedPercent: number | null;
  derivedPercentReason: string | null;
  /** The corrections this write adds (appended to the report's earlier ones). */
  corrections: ReportCorrection[];
}

/**
 * Status and percent of a report's text by the rules imported reports go
 * through (status-rules.ts, percent-rules.ts), so a report counts the same
 * whichever way it arrived; a unit's stated status or percent overrides the
 * derived value and is recorded beside it with what the rules had said.
 */
export function reportSignals(
  text: string,
  task: { section: Section; title: string | null; content: string },
  stated: { status?: ProgressStatus | null; percent?: number | null },
  accountId: number | null,
): ReportSignals {
  const derivedStatus = deriveRowStatus({ progress: text, title: task.title, content: task.content }, task.section);
  const derivedPercent = derivePercent(text);
  const at = new Date().toISOString();
  const corrections: ReportCorrection[] = [];
  if (stated.status != null && stated.status !== derivedStatus.status) {
    corrections.push({ field: 'status', derived: derivedStatus.status, corrected: stated.status, accountId, at });
  }
  if (stated.percent != null && stated.percent !== derivedPercent?.percent) {
    corrections.push({ field: 'percent', derived: derivedPercent?.percent ?? null, corrected: stated.percent, accountId, at });
  }
  const statusCorrected = corrections.some((c) => c.field === 'status');
  const percentCorrected = corrections.some((c) => c.field === 'percent');
  return {
    status: statusCorrected ? stated.status! : derivedStatus.status,
    statusReason: statusCorrected
      ? `stated by the unit (the rules read ${derivedStatus.status}: ${derivedStatus.reason})`
      : derivedStatus.reason,
    percent: percentCorrected ? stated.percent! : (derivedPercent?.percent ?? null),
    percentReason: percentCorrected
      ? `stated by the unit (the rules read ${derivedPercent ? `${derivedPercent.percent}: ${derivedPercent.reason}` : 'no percent in the text'})`
      : (derivedPercent?.reason ?? null),
    derivedStatus: derivedStatus.status,
    derivedStatusReason: derivedStatus.reason,
    derivedPercent: derivedPercent?.percent ?? null,
    derivedPercentReason: derivedPercent?.reason ?? null,
    corrections,
  };
}
