import { defineMachine } from '../workflow/state-machine';
import { RoundState } from './round-state';

export type RoundAction = 'open';

/** A reporting round (报送轮次). Closing a round is not a transition yet: a round stays open for late reports (迟报). */
export const ROUND_MACHINE = defineMachine<RoundState, RoundAction>({
  name: 'Round',
  states: {
    [RoundState.OPEN]: 'open for reports (报送中): lead units report on every task of the plan for the period',
  },
  transitions: [
    { action: 'open', from: [null], to: RoundState.OPEN, mutation: 'openRound', why: 'The office (督查办) asks for a period’s progress, with a due date (报送时限).' },
  ],
});
