import { registerEnumType } from 'type-graphql';
import { ReportState } from './report-state';
import { RoundState } from './round-state';

/** A task's state in a round: its report's state, or NOT_REPORTED while it has none (the machine's `(new)`). */
export enum RoundTaskState {
  NOT_REPORTED = 'NOT_REPORTED',
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
}

registerEnumType(RoundState, {
  name: 'RoundState',
  description: 'Where a reporting round (报送轮次) stands.',
  valuesConfig: { OPEN: { description: 'Open for reports (报送中).' } },
});

const REPORT_STATES = {
  DRAFT: { description: 'Draft (草稿): saved by the lead unit, editable, not yet before the office.' },
  SUBMITTED: { description: 'Submitted (已报送): locked, waiting for review (待审核).' },
  RETURNED: { description: 'Returned (退回): sent back with a comment; to be resubmitted.' },
  ACCEPTED: { description: 'Accepted (已采纳): the task’s progress for the period.' },
};

registerEnumType(ReportState, { name: 'ReportState', description: 'Where a progress report (推进情况) in a round stands.', valuesConfig: REPORT_STATES });

registerEnumType(RoundTaskState, {
  name: 'RoundTaskState',
  description: 'Where a task stands in a round: its report’s state, or NOT_REPORTED (未报送).',
  valuesConfig: { NOT_REPORTED: { description: 'No report yet, not even a draft (未报送).' }, ...REPORT_STATES },
});
