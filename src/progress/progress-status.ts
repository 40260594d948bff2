/** Where a task stands according to one progress text; derived by the rules in status-rules.ts. */
export enum ProgressStatus {
  COMPLETED = 'COMPLETED',
  IN_PROGRESS = 'IN_PROGRESS',
  NOT_STARTED = 'NOT_STARTED',
  SUSPENDED = 'SUSPENDED',
  UNKNOWN = 'UNKNOWN',
}
