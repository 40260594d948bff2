import { registerEnumType } from 'type-graphql';

/** What taskStats can group by. */
export enum TaskDimension {
  YEAR = 'YEAR',
  SECTION = 'SECTION',
  CATEGORY = 'CATEGORY',
  LEADER = 'LEADER',
  UNIT = 'UNIT',
  ROLE = 'ROLE',
  STATUS = 'STATUS',
  RISK = 'RISK',
  JURISDICTION = 'JURISDICTION',
}

registerEnumType(TaskDimension, {
  name: 'TaskDimension',
  description: 'A dimension taskStats groups tasks by.',
  valuesConfig: {
    YEAR: { description: 'Year of the plan.' },
    SECTION: { description: 'Table of the task (预期目标 / 民生实事 / 重点工作任务).' },
    CATEGORY: { description: 'Work heading (工作任务), one group per heading of a plan (TaskStat.categoryNode); null for targets and livelihood projects.' },
    LEADER: { description: 'Responsible leader (责任领导), one group per leader (TaskStat.leaderNode): a task with two leaders counts once for each; a task without one falls in the null group.' },
    UNIT: { description: 'Responsible unit (责任单位), one group per unit (TaskStat.unitNode; two districts’ 区经济信息委 are two groups): a task counts once per unit and role (牵头 and 协同 rows apart).' },
    ROLE: { description: 'Role of the unit: lead (牵头单位) or co-unit (协同单位); a task counts once per assignment.' },
    STATUS: { description: 'Status of the newest progress update (最新进展); null when no report covers the task.' },
    RISK: { description: 'Supervision light (红黄绿灯) at asOf.' },
    JURISDICTION: { description: 'Jurisdiction (行政区) of the plan, one group per jurisdiction.' },
  },
});
