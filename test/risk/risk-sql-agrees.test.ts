import path from 'node:path';
import { toGlobalId } from '../../src/graphql/global-id';
import { storeWorkflowFacts } from '../../src/risk/supervision-facts';
import { AccountRole, makeKey } from '../support/accounts';
import { startApiServer, type ApiServer } from '../support/api-server';
import { REPORTS_2024 } from '../support/reports-2024';

/**
 * risk-rules.ts (JS, Task.risk) and risk.sql.ts (SQL, the risk filter and
 * taskStats) are two writings of one definition. This checks they agree on
 * every task of the seeds and the 2024 fixtures at dates around every
 * boundary the rules have: before any report, on report dates, the end of
 * Q1, near and past deadlines, and the default date — with the office's
 * decisions in the mix: closed tasks (办结) and tasks whose deadline an
 * approved extension (延期) moved, before and after the new date.
 */
const DATES = [
  null, '2021-01-01', '2021-04-08', '2021-04-09', '2021-12-01', '2022-01-01', '2024-03-31', '2024-04-10', '2024-06-01', '2024-06-30', '2024-07-01', '2024-07-12',
  '2024-09-01', '2024-12-31', '2025-01-01', '2025-03-01', '2099-07-15', '2099-10-01',
];
const LEVELS = ['RED', 'YELLOW', 'GREEN', 'UNKNOWN'];

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ ...REPORTS_2024, alsoImport: [...REPORTS_2024.alsoImport!, path.join(__dirname, '..', 'fixtures', 'plan-2099.txt')] });
  const ds = api.db.dataSource;
  const office = await makeKey(ds, AccountRole.OFFICE, { name: '督查办', jurisdiction: '重庆市沙坪坝区' });
  const unit = await makeKey(ds, AccountRole.UNIT, { unit: '区经济信息委' });
  const taskId = async (year: number, number: number) =>
    (await ds.query(`SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = $1 AND t.section = 'KEY_TASK' AND t.number = $2`, [year, number]))[0].id;
  const gql = async (query: string, input: object, token: string) => {
    const r = await api.gql(query, { input }, token);
    expect(r.errors).toBeUndefined();
    expect((Object.values(r.data)[0] as any).userErrors).toEqual([]);
    return Object.values(r.data)[0] as any;
  };
  const CLOSE = `mutation($input: CloseTaskInput!) { closeTask(input: $input) { userErrors { message } } }`;
  // Closed: the seeds' one RED task (2021 key task 17, 暂缓) and a reported 2024 task.
  for (const [year, number] of [[2021, 17], [2024, 5]]) await gql(CLOSE, { task: toGlobalId('Task', await taskId(year, number)), reason: '销号' }, office.token);
  // Extended through the API: 2099 key task 1, 6月底前 → 2099-09-30 (between the two 2099 dates above).
  const asked = await gql(`mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { userErrors { message } extensionRequest { id } } }`, { task: toGlobalId('Task', await taskId(2099, 1)), newDue: '2099-09-30', reason: '征地滞后' }, unit.token);
  await gql(`mutation($input: ApproveExtensionInput!) { approveExtension(input: $input) { userErrors { message } } }`, { request: asked.extensionRequest.id }, office.token);
  // Extended 2024 tasks, reported ones, whose deadlines passed long ago: no unit can ask for these any more, so their
  // approved rows are written here and their facts stored by the same function the approval calls.
  for (const [number, days] of [[1, 45], [4, 200]]) {
    const id = await taskId(2024, number);
    await ds.query(
      `INSERT INTO extension_request (task_id, unit_id, state, previous_due, requested_due, approved_due, reason, decided_at)
       SELECT t.id, a.unit_id, 'APPROVED', t.due_on, t.due_on + $2::int, t.due_on + $2::int, '测试', now()
       FROM task t JOIN assignment a ON a.task_id = t.id AND a.role = 'LEAD' WHERE t.id = $1 LIMIT 1`,
      [id, days],
    );
    await storeWorkflowFacts(ds, id);
  }
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
  expect(judged).toHaveLength(308);
  for (const level of LEVELS) {
    const byJs = judged.filter((t) => t.risk.level === level).map((t) => t.id).sort();
    const bySql = (await all(`{ risk: { level: ${level}, asOf: $asOf } }`, 'id', asOf)).map((t) => t.id).sort();
    expect({ level, ids: bySql }).toEqual({ level, ids: byJs });
  }
});

it('the office’s decisions are in what is compared: two closed tasks GREEN by CLOSED, three extended', async () => {
  const closed = await all('{ closed: true }', 'year number risk(asOf: $asOf) { level reasons { rule } }', '2025-03-01');
  expect(closed).toEqual([
    { year: 2021, number: 17, risk: { level: 'GREEN', reasons: [{ rule: 'CLOSED' }] } },
    { year: 2024, number: 5, risk: { level: 'GREEN', reasons: [{ rule: 'CLOSED' }] } },
  ]);
  const extended = await all('{ due: { source: EXTENSION } }', 'year number due { source } risk(asOf: $asOf) { level }', null);
  expect(extended.map((t) => [t.year, t.number])).toEqual([[2024, 1], [2024, 4], [2099, 1]]);
});
