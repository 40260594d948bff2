import { defineMachine } from '../workflow/state-machine';
import { ClosureState } from './closure-state';

export type ClosureAction = 'close' | 'reopen';

/** 办结/销号: the office's word that a task is done, which it can take back. A task never closed has no row: "(new)". */
export const CLOSURE_MACHINE = defineMachine<ClosureState, ClosureAction>({
  name: 'TaskClosure',
  states: {
    OPEN: '在办: reopened by the office; judged by the lights again',
    CLOSED: '办结/销号: closed by the office; the lights show GREEN (CLOSED), no extension can be asked',
  },
  transitions: [
    { action: 'close', from: [null, ClosureState.OPEN], to: ClosureState.CLOSED, mutation: 'closeTask', why: 'The office judges the task done (办结) and strikes it off the list (销号), with a reason.' },
    { action: 'reopen', from: [ClosureState.CLOSED], to: ClosureState.OPEN, mutation: 'reopenTask', why: 'Closed by mistake or the work turned out unfinished: back on the list, with a reason.' },
  ],
});
