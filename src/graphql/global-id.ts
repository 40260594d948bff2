/** The object types that have global ids; node(id:) dispatches on these names. */
export type NodeTypeName =
  | 'Plan'
  | 'Document'
  | 'Category'
  | 'Task'
  | 'Leader'
  | 'Unit'
  | 'Assignment'
  | 'ProgressUpdate'
  | 'Account'
  | 'ApiKey'
  | 'AuditEntry'
  | 'TaskAcknowledgement'
  | 'Round'
  | 'ProgressReport'
  | 'ExtensionRequest';
const NODE_TYPES: NodeTypeName[] = ['Plan', 'Document', 'Category', 'Task', 'Leader', 'Unit', 'Assignment', 'ProgressUpdate', 'Account', 'ApiKey', 'AuditEntry', 'TaskAcknowledgement', 'Round', 'ProgressReport', 'ExtensionRequest'];

/**
 * Relay global id: base64("Task:42"). Opaque to clients, stable for the life
 * of the database row, and typed so node(id:) knows which table to read.
 */
export function toGlobalId(type: NodeTypeName, id: number): string {
  // The text is ASCII (a type name and digits), so btoa gives exactly Buffer's base64, ~3× faster
  // without a Buffer per call: every Task, Unit and Assignment of a page computes one.
  return btoa(`${type}:${id}`);
}

export function fromGlobalId(globalId: string): { type: NodeTypeName; id: number } | null {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const match = decoded.match(/^([A-Za-z]+):(\d{1,10})$/);
  if (!match || !NODE_TYPES.includes(match[1] as NodeTypeName)) return null;
  // Ids are int4: a larger number would fail the whole batch query of node(id:) fields resolved together.
  const id = Number(match[2]);
  if (id > 2147483647) return null;
  return { type: match[1] as NodeTypeName, id };
}
