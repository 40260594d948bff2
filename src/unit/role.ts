/** How a unit is assigned to a task. */
export enum Role {
  /** 牵头单位 / 责任单位 */
  LEAD = 'LEAD',
  /** 协同单位 / 配合单位 */
  CO = 'CO',
}
