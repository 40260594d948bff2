import { toGlobalId } from '../../src/graphql/global-id';
import type { ApiServer } from './api-server';

/**
 * The stored light (task.risk_level, which taskStats, history and the risk filter read at the default
 * date) of every task, each beside the light risk-rules.ts gives from the raw rows at the same date
 * (Task.risk without asOf: the plan's reports, rounds, updates, extensions and closing read anew).
 * Equal after every writer of what the light reads, or the stored column went stale.
 */
export async function expectStoredLightsCurrent(api: ApiServer): Promise<Map<string, string>> {
  const judged = new Map<string, string>();
  let after: string | null = null;
  do {
    const response: any = await api.gql(`query($after: String) { tasks(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id risk { level } } } }`, { after });
    expect(response.errors).toBeUndefined();
    for (const node of response.data.tasks.nodes) judged.set(node.id, node.risk.level);
    after = response.data.tasks.pageInfo.hasNextPage ? response.data.tasks.pageInfo.endCursor : null;
  } while (after);
  const rows: { id: number; risk_level: string }[] = await api.db.dataSource.query(`SELECT id, risk_level FROM task ORDER BY id`);
  const stored = new Map(rows.map((r) => [toGlobalId('Task', r.id), r.risk_level]));
  expect(judged.size).toBe(rows.length);
  expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(judged));
  return stored;
}
