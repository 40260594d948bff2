import type { EntityManager } from 'typeorm';
import { sql, compile, type Sql } from '../sql/sql';
import { UserErrorCode, userError, type UserError } from './user-error.type';

/**
 * Optimistic concurrency, checked by the UPDATE itself: `WHERE id = $1 AND
 * version = $2`, bumping the version. TypeORM's @VersionColumn only checks on
 * reads with a lock mode, not on UPDATE, so the check is ours. Zero rows
 * updated means either no such row or another version; one more read says
 * which, for the user error.
 */
const LABELS = { account: 'account', extension_request: 'extension_request', task_closure: 'task_closure', progress_report: 'progress report', reporting_round: 'round' } as const;

export async function versionedUpdate<R>(
  tx: EntityManager,
  table: keyof typeof LABELS,
  id: number,
  expectedVersion: number,
  set: Sql,
): Promise<{ row: R } | { userErrors: UserError[] }> {
  const t = sql.identifier(table);
  // Wrapped in a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count], a SELECT with the rows.
  const updated = compile(
    sql`WITH changed AS (UPDATE ${t} SET ${set}, version = version + 1 WHERE id = ${sql.value(id)} AND version = ${sql.value(expectedVersion)} RETURNING *) SELECT * FROM changed`,
  );
  const rows: R[] = await tx.query(updated.text, updated.values);
  if (rows.length) return { row: rows[0] };
  const current = compile(sql`SELECT version FROM ${t} WHERE id = ${sql.value(id)}`);
  const [found] = await tx.query(current.text, current.values);
  const what = LABELS[table];
  if (!found) return { userErrors: [userError(UserErrorCode.NOT_FOUND, `There is no ${what} ${id}.`, 'id')] };
  return {
    userErrors: [
      userError(UserErrorCode.STALE_VERSION, `The ${what} changed since you read it: it is at version ${found.version}, you sent ${expectedVersion}. Read it again and retry.`, 'expectedVersion'),
    ],
  };
}
