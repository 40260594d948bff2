/** An event as stored (migrations/1796500500000-EventLog.ts). */
export interface EventRow {
  id: string;
  type: string;
  at: Date;
  actor: string;
  account_id: number | null;
  key_prefix: string | null;
  request_id: string | null;
  target: Record<string, unknown>;
  task_id: number | null;
  document_id: number | null;
  jurisdiction_id: number | null;
  lead_unit_ids: number[];
  co_unit_ids: number[];
  leader_ids: number[];
}

export const EVENT_COLUMNS = `id, type, at, actor, account_id, key_prefix, request_id, target, task_id, document_id, jurisdiction_id, lead_unit_ids, co_unit_ids, leader_ids`;
