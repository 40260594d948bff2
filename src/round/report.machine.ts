import { defineMachine } from '../workflow/state-machine';
import { ReportState } from './report-state';

export type ReportAction = 'save' | 'submit' | 'accept' | 'return';

/**
 * A task in a round: its lead unit's progress report (推进情况). A task with no
 * report yet is `(new)`, i.e. not reported (未报送).
 */
export const REPORT_MACHINE = defineMachine<ReportState, ReportAction>({
  name: 'ProgressReport',
  states: {
    [ReportState.DRAFT]: 'draft (草稿): saved by the lead unit, editable, not yet before the office',
    [ReportState.SUBMITTED]: 'submitted (已报送): locked, waiting for the office’s review (待审核)',
    [ReportState.RETURNED]: 'returned (退回): the office sent it back with a comment; the unit edits and resubmits',
    [ReportState.ACCEPTED]: 'accepted (已采纳): the task’s progress for the period, as an imported report’s row',
  },
  transitions: [
    { action: 'save', from: [null, ReportState.DRAFT], to: ReportState.DRAFT, mutation: 'saveProgressDraft', why: 'A unit writes its report over several sittings.' },
    { action: 'save', from: [ReportState.RETURNED], to: ReportState.RETURNED, mutation: 'saveProgressDraft', why: 'Editing a returned report keeps it returned until it is resubmitted, so the office still sees it as owed.' },
    {
      action: 'submit',
      from: [null, ReportState.DRAFT, ReportState.RETURNED],
      to: ReportState.SUBMITTED,
      mutation: 'submitProgress',
      why: 'The unit reports (报送); without a draft the report is written and submitted at once. A submitted report is locked.',
    },
    { action: 'accept', from: [ReportState.SUBMITTED], to: ReportState.ACCEPTED, mutation: 'acceptReport', why: 'The office accepts (采纳): the text becomes the task’s progress for the period.' },
    { action: 'return', from: [ReportState.SUBMITTED], to: ReportState.RETURNED, mutation: 'returnReport', why: 'The office sends it back with a comment (退回修改); the unit must resubmit.' },
  ],
});
