import { DocumentEntity } from '../document/document.entity';
import { LeaderEntity } from '../leader/leader.entity';
import { TaskLeaderEntity } from '../leader/task-leader.entity';
import { JurisdictionEntity } from '../plan/jurisdiction.entity';
import { PlanEntity } from '../plan/plan.entity';
import { ProgressUpdateEntity } from '../progress/progress-update.entity';
import { CategoryEntity } from '../task/category.entity';
import { TaskEntity } from '../task/task.entity';
import { AssignmentEntity } from '../unit/assignment.entity';
import { UnitAliasEntity } from '../unit/unit-alias.entity';
import { UnitEntity } from '../unit/unit.entity';

/** Every table of the schema; the migrations must match these exactly (test/db/migrations.test.ts). */
export const ENTITIES = [
  JurisdictionEntity,
  PlanEntity,
  DocumentEntity,
  CategoryEntity,
  TaskEntity,
  LeaderEntity,
  TaskLeaderEntity,
  UnitEntity,
  UnitAliasEntity,
  AssignmentEntity,
  ProgressUpdateEntity,
];
