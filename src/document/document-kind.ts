/** What a source document is: the year's task breakdown, or a periodic progress report on it. */
export enum DocumentKind {
  PLAN = 'PLAN',
  PROGRESS_REPORT = 'PROGRESS_REPORT',
}
