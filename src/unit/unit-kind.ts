/** What sort of body a unit is. Kinds come from the reviewed registry (seeds/units.json). */
export enum UnitKind {
  /** 区政府部门: 区发展改革委, 区财政局, 区政府办公室 */
  DISTRICT_DEPARTMENT = 'DISTRICT_DEPARTMENT',
  /** 党委机关: 区委组织部, 区纪委监委机关 */
  PARTY_ORGAN = 'PARTY_ORGAN',
  /** 镇 / 街道 */
  TOWNSHIP_STREET = 'TOWNSHIP_STREET',
  /** 区属国有企业: 国际物流枢纽公司, 工投公司 */
  STATE_OWNED_ENTERPRISE = 'STATE_OWNED_ENTERPRISE',
  /** 管委会: 磁器口古镇管委会, 西部新城管委会 */
  ZONE_COMMITTEE = 'ZONE_COMMITTEE',
  /** 人民团体: 团区委, 区妇联, 区工商联 */
  PEOPLES_ORGANISATION = 'PEOPLES_ORGANISATION',
  /** Vertically managed or central agencies in the district: 区税务局, 区气象局, 区人武部 */
  VERTICAL_AGENCY = 'VERTICAL_AGENCY',
  /** 指挥部, 领导小组 and their offices: bodies set up to coordinate a programme */
  COORDINATION_BODY = 'COORDINATION_BODY',
  /** A group named as one: 各镇街, 区政府各部门, 各有关单位, …成员单位 */
  COLLECTIVE = 'COLLECTIVE',
  /** Not in the registry yet: imported as written and flagged for review */
  UNKNOWN = 'UNKNOWN',
}
