/** Whether the office has closed a task (办结/销号); the transitions are CLOSURE_MACHINE's. */
export enum ClosureState {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
