/** Where a task's progress report in a round stands; report.machine.ts says what can follow what. */
export enum ReportState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
}
