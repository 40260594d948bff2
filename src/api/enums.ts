import { registerEnumType } from 'type-graphql';
import { DocumentKind } from '../document/document-kind';
import { ProgressStatus } from '../progress/progress-status';
import { Section } from '../task/section';
import { Role } from '../unit/role';
import { UnitKind } from '../unit/unit-kind';

registerEnumType(Section, {
  name: 'Section',
  description: 'The table of a work report a task comes from.',
  valuesConfig: {
    TARGET: { description: 'Expected target (经济社会发展预期目标).' },
    LIVELIHOOD: { description: 'Livelihood project (重点民生实事).' },
    KEY_TASK: { description: 'Key task (重点工作任务).' },
  },
});

registerEnumType(Role, {
  name: 'Role',
  description: 'How a unit is assigned to a task.',
  valuesConfig: {
    LEAD: { description: 'Lead unit (牵头单位 / 责任单位).' },
    CO: { description: 'Co-unit (协同单位 / 配合单位).' },
  },
});

registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: 'What sort of body a unit is, from the reviewed unit registry.',
  valuesConfig: {
    DISTRICT_DEPARTMENT: { description: 'District government department or institution (区政府部门, e.g. 区发展改革委).' },
    PARTY_ORGAN: { description: 'Party organ (党委机关, e.g. 区委组织部).' },
    TOWNSHIP_STREET: { description: 'Township or street office (镇 / 街道).' },
    STATE_OWNED_ENTERPRISE: { description: 'District state-owned enterprise (区属国有企业, e.g. 工投公司).' },
    ZONE_COMMITTEE: { description: 'Zone management committee (管委会).' },
    PEOPLES_ORGANISATION: { description: "People's organisation (人民团体, e.g. 团区委, 区妇联)." },
    VERTICAL_AGENCY: { description: 'Vertically managed agency in the district (e.g. 区税务局, 区公安分局).' },
    COORDINATION_BODY: { description: 'Coordination body: headquarters or leading group (指挥部 / 领导小组).' },
    COLLECTIVE: { description: 'A group named as one (e.g. 各镇街, 区政府各部门, …成员单位).' },
    UNKNOWN: { description: 'Not in the registry yet: imported as written and flagged for review.' },
  },
});

registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'What a source document is.',
  valuesConfig: {
    PLAN: { description: 'Task breakdown of a year (任务分解表).' },
    PROGRESS_REPORT: { description: 'Periodic progress report (推进情况报告).' },
  },
});

registerEnumType(ProgressStatus, {
  name: 'ProgressStatus',
  description: 'Where a task stands according to one progress text, derived by explainable keyword rules (see `statusReason`).',
  valuesConfig: {
    COMPLETED: { description: 'The text claims the whole task done (全部完成, 已建成投用) and names no remaining work.' },
    IN_PROGRESS: { description: 'The text reports work done or under way (正在, 推进, 已完成…).' },
    NOT_STARTED: { description: 'The text says work has not started (暂未启动, 尚未开工).' },
    SUSPENDED: { description: 'The text names a halt (暂停, 暂缓, 停工).' },
    UNKNOWN: { description: 'No rule applies, e.g. a forecast (预计…) or a bare statistic.' },
  },
});
