/** The three tables a work report is broken into. */
export enum Section {
  /** 经济社会发展预期目标 */
  TARGET = 'TARGET',
  /** 重点民生实事 */
  LIVELIHOOD = 'LIVELIHOOD',
  /** 重点工作任务 */
  KEY_TASK = 'KEY_TASK',
}
