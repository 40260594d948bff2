/** Where a reporting round (报送轮次) stands; round.machine.ts says what can follow what. */
export enum RoundState {
  OPEN = 'OPEN',
}
