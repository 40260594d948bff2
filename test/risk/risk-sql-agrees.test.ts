import { startApiServer, type ApiServer } from '../support/api-server';
import { REPORTS_2024 } from '../support/reports-2024';

/**
 * risk-rules.ts (JS, Task.risk) and risk.sql.ts (SQL, the risk filter and
 * taskStats) are two writings of one definition. This checks they agree on
 * every task of the seeds and the 2024 fixtures at dates around every
 * boundary the rules have: before any report, on report dates, the end of
 * Q1, near and past deadlines, and the default date.
 */
const DATES = [null, '2021-01-01', '2021-04-08', '2021-04-09', '2021-12-01', '2022-01-01', '2024-03-31', '2024-04-10', '2024-06-01', '2024-06-30', '2024-07-01', '2024-07-12', '2024-09-01', '2024-12-31', '2025-01-01'];
const LEVELS = ['RED', 'YELLOW', 'GREEN', 'UNKNOWN'];

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ ...REPORTS_2024 });
}, 120_000);
afterAll(() => api?.stop());

async function all(where: string, fields: string, asOf: string | null): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  do {
    const response: any = await api.gql(
      `query($after: String, $asOf: String) { tasks(where: ${where}, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`,
      { after, asOf },
    );
    expect(response.errors).toBeUndefined();
    nodes.push(...response.data.tasks.nodes);
    after = response.data.tasks.pageInfo.hasNextPage ? response.data.tasks.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

it.each(DATES.map((d) => [d ?? 'the default date']))('JS rules and SQL filter agree on every task at %s', async (label) => {
  const asOf = label === 'the default date' ? null : label;
  const judged = await all('{}', 'id risk(asOf: $asOf) { level }', asOf);
  expect(judged).toHaveLength(304);
  for (const level of LEVELS) {
    const byJs = judged.filter((t) => t.risk.level === level).map((t) => t.id).sort();
    const bySql = (await all(`{ risk: { level: ${level}, asOf: $asOf } }`, 'id', asOf)).map((t) => t.id).sort();
    expect({ level, ids: bySql }).toEqual({ level, ids: byJs });
  }
});
