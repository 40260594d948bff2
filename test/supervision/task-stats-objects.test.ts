import { startApiServer, type ApiServer } from '../support/api-server';

/**
 * Issue 22 item 3, the statistics parts: taskStats sorted and cut (orderBy,
 * first), its groups carrying unit, leader and category objects from the same
 * single statement, and the old string fields still answering (deprecated).
 */
let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ exposeSql: true });
}, 120_000);
afterAll(() => api?.stop());

async function ok(query: string): Promise<any> {
  const response = await api.gql(query);
  expect(response.errors).toBeUndefined();
  return response;
}

it('sorts groups by a count and keeps the first N', async () => {
  const all = (await ok(`{ taskStats(where: { year: { eq: 2024 } }, groupBy: [UNIT, ROLE]) { unitNode { name } role count } }`)).data.taskStats;
  const co = all.filter((r: any) => r.role === 'CO').sort((a: any, b: any) => b.count - a.count);
  const top = (await ok(`{ taskStats(where: { year: { eq: 2024 } }, groupBy: [ROLE, UNIT], orderBy: [{ field: COUNT, direction: DESC }], first: 3) { unitNode { name } role count } }`)).data.taskStats;
  expect(top).toHaveLength(3);
  // The README's answer.
  expect(top).toEqual([
    { unitNode: { name: '各镇街' }, role: 'CO', count: 27 },
    { unitNode: { name: '区经济信息委' }, role: 'LEAD', count: 19 },
    { unitNode: { name: '区经济信息委' }, role: 'CO', count: 18 },
  ]);
  const counts = all.map((r: any) => r.count).sort((a: number, b: number) => b - a);
  expect(top.map((r: any) => r.count)).toEqual(counts.slice(0, 3));
  // The README's workloads: 各镇街 is co-unit on 27 tasks of 2024, the most of any unit.
  expect(co[0]).toEqual({ unitNode: { name: '各镇街' }, role: 'CO', count: 27 });
  const asc = (await ok(`{ taskStats(where: { year: { eq: 2021 } }, groupBy: [RISK], orderBy: [{ field: COUNT, direction: ASC }]) { risk count } }`)).data.taskStats;
  expect(asc).toEqual([
    { risk: 'RED', count: 1 },
    { risk: 'YELLOW', count: 2 },
    { risk: 'GREEN', count: 154 },
  ]);
});

it('refuses first outside 1–1000 as the client’s mistake', async () => {
  const response = await api.gql(`{ taskStats(groupBy: [UNIT], first: 0) { count } }`);
  expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it('carries unit, leader and category objects, in one statement, beside the deprecated names', async () => {
  const response = await ok(`{ taskStats(where: { year: { eq: 2024 } }, groupBy: [LEADER, UNIT, CATEGORY], orderBy: [{ field: COUNT }], first: 5) {
    leader leaderNode { id name } unit unitNode { id name kind } category categoryNode { id name } count atRisk red yellow } }`);
  expect(response.extensions.sql).toHaveLength(1);
  const rows = response.data.taskStats;
  expect(rows).toHaveLength(5);
  for (const r of rows) {
    expect(r.leaderNode?.name ?? null).toBe(r.leader);
    expect(r.unitNode?.name ?? null).toBe(r.unit);
    expect(r.categoryNode?.name ?? null).toBe(r.category);
    expect(r.atRisk).toBe(r.red + r.yellow);
  }
  // The objects open like any other: node(id:) gives the same unit back.
  const unit = rows.find((r: any) => r.unitNode).unitNode;
  const opened = await api.gql(`query($id: ID!) { node(id: $id) { ... on Unit { name kind } } }`, { id: unit.id });
  expect(opened.data.node).toEqual({ name: unit.name, kind: unit.kind });
});
