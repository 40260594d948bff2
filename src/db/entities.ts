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
import { AccountEntity } from '../auth/account.entity';
import { ApiKeyEntity } from '../auth/api-key.entity';
import { AuditEntryEntity } from '../audit/audit.entity';
import { IdempotencyKeyEntity } from '../mutation/idempotency.entity';
import { TaskAcknowledgementEntity } from '../workflow/acknowledgement.entity';
import { RoundEntity } from '../round/round.entity';
import { ProgressReportEntity } from '../round/progress-report.entity';
import { ProgressContributionEntity } from '../round/progress-contribution.entity';
import { ExtensionRequestEntity } from '../extension/extension-request.entity';
import { TaskClosureEntity } from '../closure/task-closure.entity';
import { DocumentUploadEntity } from '../upload/document-upload.entity';

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
  // issue 16: who is asking, what they did
  AccountEntity,
  ApiKeyEntity,
  AuditEntryEntity,
  IdempotencyKeyEntity,
  TaskAcknowledgementEntity,
  // issue 17: reporting rounds
  RoundEntity,
  ProgressReportEntity,
  ProgressContributionEntity,
  // issue 17: extensions (延期) and closing (办结)
  ExtensionRequestEntity,
  TaskClosureEntity,
  // issue 17: uploaded originals (POST /documents)
  DocumentUploadEntity,
];
