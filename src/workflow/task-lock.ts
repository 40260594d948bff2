import type { EntityManager } from 'typeorm';
import { compile, sql } from '../sql/sql';
import { dueSql } from '../risk/risk.sql';

export interface LockedTask {
  id: number;
  /** The deadline the lights read now (an approved extension's, else the text's or the plan year's end). */
  due: string;
  /** The workflow's today (duban_today(): the district's calendar date in Beijing time, or DUBAN_TODAY): it decides whether a deadline has passed. */
  today: string;
  closed: boolean;
}

const t = sql.identifier('t');
const p = sql.identifier('p');

/**
 * Locks a task's row for the rest of the transaction and reads what the
 * extension and closing mutations decide on. The lock serialises two requests
 * for one task (two 延期申请 sent at once cannot both find no pending one).
 */
export async function lockTask(tx: EntityManager, taskId: number): Promise<LockedTask | null> {
  const q = compile(sql`
    SELECT ${t}.id, to_char(${dueSql({ task: t, plan: p })}, 'YYYY-MM-DD') AS due,
      to_char(duban_today(), 'YYYY-MM-DD') AS today, ${t}.closed_on IS NOT NULL AS closed
    FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id WHERE ${t}.id = ${sql.value(taskId, 'int')} FOR UPDATE OF ${t}`);
  const [row] = await tx.query(q.text, q.values);
  return row ?? null;
}
