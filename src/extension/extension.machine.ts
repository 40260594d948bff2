import { defineMachine } from '../workflow/state-machine';
import { ExtensionState } from './extension-state';

export type ExtensionAction = 'request' | 'approve' | 'refuse' | 'withdraw';

/** 延期申请: asked by a lead unit, answered once by the office (or withdrawn by the unit first). */
export const EXTENSION_MACHINE = defineMachine<ExtensionState, ExtensionAction>({
  name: 'ExtensionRequest',
  states: {
    PENDING: '待审批: asked by a lead unit before the deadline, awaiting the office',
    APPROVED: '已批准: the office fixed a new deadline, which the task’s `due` now reads (source EXTENSION)',
    REFUSED: '不予批准: the office said no, with a comment; the deadline stands',
    WITHDRAWN: '已撤回: the unit took the request back before the office answered',
  },
  transitions: [
    { action: 'request', from: [null], to: ExtensionState.PENDING, mutation: 'requestExtension', why: 'A lead unit asks, before the deadline, with a reason, the new date and its progress so far.' },
    { action: 'approve', from: [ExtensionState.PENDING], to: ExtensionState.APPROVED, mutation: 'approveExtension', why: 'The office grants it, fixing the date (the requested one unless it says another).' },
    { action: 'refuse', from: [ExtensionState.PENDING], to: ExtensionState.REFUSED, mutation: 'refuseExtension', why: 'The office declines, saying why.' },
    { action: 'withdraw', from: [ExtensionState.PENDING], to: ExtensionState.WITHDRAWN, mutation: 'withdrawExtension', why: 'The unit no longer needs it (or asked for the wrong date) and asks again.' },
  ],
});
