import type { RoundState } from './round-state';

export interface RoundRow {
  id: number;
  plan_id: number;
  period: string;
  opens_on: string;
  due_on: string;
  state: RoundState;
  version: number;
  opened_at: Date;
}

// Dates as text: a `date` read through pg would become a midnight in the server's time zone.
export const ROUND_SELECT = `SELECT id, plan_id, period, to_char(opens_on, 'YYYY-MM-DD') AS opens_on, to_char(due_on, 'YYYY-MM-DD') AS due_on, state, version, opened_at FROM reporting_round`;
