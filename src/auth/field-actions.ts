import type { Action } from './policy';

/**
 * The action every field of the API stands for: every root field and
 * mutation by name, every other object type as a whole (its fields are its
 * object's data). enforce-policy.ts refuses to build a schema with a field
 * or type missing here, so nothing reaches a client without a decision
 * (test/auth/policy-coverage.test.ts shows it).
 */
export const ROOT_FIELD_ACTIONS: Record<string, Action> = {
  'Query.tasks': 'read',
  'Query.plans': 'read',
  'Query.leaders': 'read',
  'Query.leader': 'read',
  'Query.units': 'read',
  'Query.unit': 'read',
  'Query.workloads': 'read',
  'Query.node': 'read',
  'Query.nodes': 'read',
  'Query.ledgerExport': 'read',
  'Query.unitPath': 'read',
  'Query.leaderPath': 'read',
  'Query.taskStats': 'read',
  'Query.viewer': 'viewer.read',
  'Query.accounts': 'account.list',
  'Query.auditLog': 'audit.read',
  'Mutation.createAccount': 'account.manage',
  'Mutation.updateAccount': 'account.manage',
  'Mutation.createApiKey': 'account.manage',
  'Mutation.revokeApiKey': 'key.revoke',
  'Mutation.acknowledgeTask': 'task.acknowledge',
  'Query.rounds': 'read',
  'Query.round': 'read',
  'Mutation.openRound': 'round.open',
  'Mutation.saveProgressDraft': 'report.submit',
  'Mutation.submitProgress': 'report.submit',
  'Mutation.contributeProgress': 'report.contribute',
  'Mutation.acceptReport': 'report.review',
  'Mutation.returnReport': 'report.review',
  'Query.extensionRequests': 'extension.read',
  'Mutation.requestExtension': 'extension.request',
  'Mutation.withdrawExtension': 'extension.request',
  'Mutation.approveExtension': 'extension.decide',
  'Mutation.refuseExtension': 'extension.decide',
  'Mutation.closeTask': 'task.close',
  'Mutation.reopenTask': 'task.close',
  'Mutation.importUpload': 'document.import',
};

/** Object types whose every field is public record reads as the seeds publish it. */
const PUBLIC_TYPES = [
  'Task', 'TaskConnection', 'TaskEdge', 'PageInfo', 'Category', 'Plan', 'Document', 'ImportWarning', 'Leader',
  'Unit', 'UnitConnection', 'UnitEdge', 'Assignment', 'Workload', 'UnitWorkload', 'Collaborator',
  'ProgressUpdate', 'ProgressChange', 'RiskReason', 'TaskStat', 'YearRecord', 'ChainLink', 'UnitPath', 'PathHop', 'LeaderPath',
  'Centrality', 'Community', 'TaskAcknowledgement', 'TaskDue', 'TaskRisk', 'UnitCount', 'ProgressItem', 'LeaderCount', 'UnitWorkloadConnection',
  'UnitWorkloadEdge', 'LedgerExport', 'CollaboratorConnection', 'CollaboratorEdge',
  // an imported document's original is part of the published record (uploads not imported are reached only over HTTP)
  'DocumentFile',
  // issue 17: rounds and reports are read like the progress they become (README "Supervision workflow")
  'Round', 'RoundCounts',
  // mutation answers: each mutation is checked itself, and the objects they hold are checked by their own types
  'AccountPayload', 'ApiKeyPayload', 'AcknowledgeTaskPayload', 'ImportUploadPayload', 'UserError', 'OpenRoundPayload', 'ProgressReportPayload', 'ContributeProgressPayload',
  // issue 17: a task's closing is part of the published list (销号); the mutation answers hold objects checked by their own types
  'TaskClosure', 'RequestExtensionPayload', 'ApproveExtensionPayload', 'RefuseExtensionPayload', 'WithdrawExtensionPayload', 'CloseTaskPayload',
  'ReopenTaskPayload',
];

export const TYPE_ACTIONS: Record<string, Action> = {
  ...Object.fromEntries(PUBLIC_TYPES.map((name) => [name, 'read' as Action])),
  Viewer: 'viewer.read',
  TaskPermissions: 'viewer.read',
  DocumentPermissions: 'viewer.read',
  Account: 'account.read',
  ApiKey: 'account.read',
  AuditEntry: 'audit.read',
  AuditEntryConnection: 'audit.read',
  AuditEntryEdge: 'audit.read',
  ExtensionRequest: 'extension.read',
  // issue 17: a report is public once accepted, as the task's ProgressUpdate; the workflow's copy is internal
  ProgressReport: 'report.read',
  ReportDerivation: 'report.read',
  ReportCorrection: 'report.read',
  ProgressContribution: 'report.read',
  ExtensionRequestConnection: 'extension.read',
  ExtensionRequestEdge: 'extension.read',
};

/**
 * Fields of a type whose other fields are public that lead to restricted
 * records, checked on their own before they run, at role level. Checking the
 * records' own type is not enough: a list of them still tells how many there
 * are (`extensionRequests { __typename }` selects no checked field) and that a
 * task has none.
 */
export const FIELD_ACTIONS: Record<string, Action> = {
  'Task.extensionRequests': 'extension.read',
  'Round.reports': 'report.read',
  'Round.startingText': 'report.read',
  'ProgressUpdate.report': 'report.read',
  // who uploaded a document is an account's name: what the audit trail tells, to whom it tells it
  'DocumentFile.uploadedBy': 'audit.read',
};
