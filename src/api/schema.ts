import 'reflect-metadata';
import './enums';
import '../graphql/order';
import type { GraphQLInterfaceType, GraphQLSchema } from 'graphql';
import { nodeTypename } from '../graphql/node.interface';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { DocumentFieldsResolver } from '../document/document-fields.resolver';
import { LeaderResolver } from '../leader/leader.resolver';
import { PlanResolver } from '../plan/plan.resolver';
import { ProgressFieldsResolver } from '../progress/progress-fields.resolver';
import { CategoryFieldsResolver } from '../task/category-fields.resolver';
import { TaskConnectionResolver } from '../task/task-connection.type';
import { TaskFieldsResolver } from '../task/task-fields.resolver';
import { TaskQueryResolver } from '../task/task.resolver';
import { AssignmentFieldsResolver } from '../unit/assignment-fields.resolver';
import { CollaboratorConnectionResolver, UnitConnectionResolver, WorkloadConnectionResolver } from '../unit/unit-connection.type';
import { CollaboratorFieldsResolver, UnitFieldsResolver } from '../unit/unit-fields.resolver';
import { UnitQueryResolver } from '../unit/unit.resolver';
import { LeaderJurisdictionResolver, UnitJurisdictionResolver } from '../plan/jurisdiction-fields.resolver';
import { NodeResolver } from './node.resolver';
import { directResolvers } from './direct-resolvers';
// The analysts' graph; imported last so the printed schema keeps its order.
import { ChainLinkFieldsResolver, LeaderChainResolver } from '../graph/leader-chain.resolver';
import { CommunityFieldsResolver, UnitCentralityResolver } from '../graph/unit-centrality.resolver';
import { PathHopFieldsResolver, UnitPathFieldsResolver, UnitPathQueryResolver } from '../graph/unit-path.resolver';
import { LeaderPathFieldsResolver, LeaderPathQueryResolver } from '../graph/leader-path.resolver';
// issue #10: supervision signals
import { DocumentMissingTasksResolver } from '../document/document-missing.resolver';
import { ProgressChangeFieldsResolver, TaskTimelineFieldsResolver } from '../progress/progress-timeline.resolver';
import { TaskRiskFieldsResolver } from '../risk/task-risk-fields.resolver';
import { TaskStatsQueryResolver } from '../stats/task-stats.resolver';
import { LeaderHistoryResolver, UnitHistoryResolver } from '../stats/history.resolver';
// issue 16: who is asking, what they may do, what they did
import { AccountFieldsResolver, ApiKeyFieldsResolver } from '../auth/account-fields.resolver';
import { AccountPayloadFieldsResolver, AccountResolver, ApiKeyPayloadFieldsResolver } from '../auth/account.resolver';
import { enforcePolicy } from '../auth/enforce-policy';
import { DocumentPermissionsResolver, TaskPermissionsResolver, ViewerFieldsResolver, ViewerQueryResolver } from '../auth/viewer.resolver';
import { AuditEntryConnectionResolver, AuditResolver } from '../audit/audit.resolver';
import {
  AcknowledgeTaskPayloadFieldsResolver,
  AcknowledgeTaskResolver,
  AcknowledgementFieldsResolver,
  TaskAcknowledgementsResolver,
} from '../workflow/acknowledge.resolver';
// issue #19: ledger exports
import { LedgerExportResolver } from '../export/ledger-export.resolver';
// issue 17: reporting rounds and review
import { RoundResolver } from '../round/round.resolver';
import {
  ContributeProgressPayloadFieldsResolver,
  ContributionFieldsResolver,
  OpenRoundPayloadFieldsResolver,
  ProgressReportFieldsResolver,
  ProgressReportPayloadFieldsResolver,
  ProgressUpdateReportResolver,
  RoundFieldsResolver,
} from '../round/round-fields.resolver';
import { ExtensionMutationResolver } from '../extension/extension.resolver';
import { ExtensionRequestFieldsResolver, TaskExtensionRequestsResolver } from '../extension/extension-fields.resolver';
import { ExtensionRequestConnectionResolver, ExtensionRequestsQueryResolver } from '../extension/extension-requests.resolver';
import { ClosureMutationResolver, TaskClosureFieldsResolver } from '../closure/closure.resolver';
// issue 17: documents in through HTTP
import { DocumentVersionsResolver } from '../upload/document-versions.resolver';
import { ImportUploadPayloadFieldsResolver, ImportUploadResolver } from '../upload/import-upload.resolver';

const RESOLVERS = [
  TaskQueryResolver,
  TaskFieldsResolver,
  TaskConnectionResolver,
  CategoryFieldsResolver,
  PlanResolver,
  LeaderResolver,
  UnitQueryResolver,
  UnitFieldsResolver,
  CollaboratorFieldsResolver,
  UnitConnectionResolver,
  WorkloadConnectionResolver,
  CollaboratorConnectionResolver,
  AssignmentFieldsResolver,
  ProgressFieldsResolver,
  DocumentFieldsResolver,
  NodeResolver,
  UnitJurisdictionResolver,
  LeaderJurisdictionResolver,
  // the analysts' graph (src/graph)
  LeaderChainResolver,
  ChainLinkFieldsResolver,
  UnitPathQueryResolver,
  UnitPathFieldsResolver,
  LeaderPathQueryResolver,
  LeaderPathFieldsResolver,
  PathHopFieldsResolver,
  UnitCentralityResolver,
  CommunityFieldsResolver,
  // issue #10: supervision signals
  TaskRiskFieldsResolver,
  TaskTimelineFieldsResolver,
  ProgressChangeFieldsResolver,
  DocumentMissingTasksResolver,
  TaskStatsQueryResolver,
  UnitHistoryResolver,
  LeaderHistoryResolver,
  // issue 16: identity, policy, audit, the first workflow mutation
  ViewerQueryResolver,
  ViewerFieldsResolver,
  TaskPermissionsResolver,
  DocumentPermissionsResolver,
  AccountResolver,
  AccountFieldsResolver,
  ApiKeyFieldsResolver,
  AccountPayloadFieldsResolver,
  ApiKeyPayloadFieldsResolver,
  AuditResolver,
  AuditEntryConnectionResolver,
  AcknowledgeTaskResolver,
  AcknowledgeTaskPayloadFieldsResolver,
  AcknowledgementFieldsResolver,
  TaskAcknowledgementsResolver,
  // issue 17: extensions (延期) and closing (办结)
  ExtensionMutationResolver,
  ExtensionRequestFieldsResolver,
  TaskExtensionRequestsResolver,
  ExtensionRequestsQueryResolver,
  ExtensionRequestConnectionResolver,
  ClosureMutationResolver,
  TaskClosureFieldsResolver,
  // issue #19: ledger exports (src/export)
  LedgerExportResolver,
  // issue 17: reporting rounds and review (src/round)
  RoundResolver,
  RoundFieldsResolver,
  ProgressReportFieldsResolver,
  ContributionFieldsResolver,
  ProgressUpdateReportResolver,
  OpenRoundPayloadFieldsResolver,
  ProgressReportPayloadFieldsResolver,
  ContributeProgressPayloadFieldsResolver,
  // issue 17: uploads, the confirm step, originals and versions (src/upload)
  DocumentVersionsResolver,
  ImportUploadResolver,
  ImportUploadPayloadFieldsResolver,
] as const;

/**
 * The API schema. schema/schema.graphql is this, printed (npm run schema).
 * `directResolvers: false` keeps type-graphql's own handler on every field
 * (test/api/direct-resolvers.test.ts compares the two).
 */
export async function createSchema({ directResolvers: direct = true }: { directResolvers?: boolean } = {}): Promise<GraphQLSchema> {
  // Our object types are plain data (models built from rows) and no global
  // middleware is used, so a field without a @FieldResolver needs no resolver
  // of type-graphql's (its wrapper allocates per field and call: ~3% of the
  // three-level query's CPU); graphql-js's default property read does the same.
  // A type may still opt out with `@ObjectType({ simpleResolvers: false })`.
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    // Inputs are checked by GraphQL types and explicit range checks; no class-validator pass.
    validate: false,
  });
  // Resolver methods are called without type-graphql's per-call handler where its work has a fixed answer (direct-resolvers.ts).
  if (direct) directResolvers(schema, RESOLVERS);
  // Last, over whatever resolve each field ended with: the policy holds on every execution path (enforce-policy.ts).
  enforcePolicy(schema);
  // type-graphql wraps resolveType in an async function; the compiled execution (src/server/compiled-execution.ts)
  // calls it synchronously, as graphql-js allows, so the interface gets the plain function back.
  (schema.getType('Node') as GraphQLInterfaceType).resolveType = nodeTypename;
  // type-graphql has no option for the root type's description; the API is a product, so set it here.
  schema.getQueryType()!.description =
    'duban (督办): who is responsible for what in a district government’s work-report tasks. Start from tasks, a unit, a leader or the plans.';
  schema.getMutationType()!.description =
    'Writes: each needs a credential, is held to the policy and written to the audit trail (README “Mutations”): one `input`, a `…Payload` with `userErrors`, an optional idempotency key.';
  return schema;
}
