import { startApiServer, type ApiServer } from '../support/api-server';

/** Issue 22 item 3: workloads sorted by any count, paged stably; Workload and UnitWorkload carry the same fields. */
let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.stop());

async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await api.gql(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data;
}

it('answers “which units have the most co-unit tasks” with orderBy CO and first', async () => {
  const data = await ok(`{ workloads(year: 2024, orderBy: [{ field: CO }], first: 3) { nodes { unit { name } co } } }`);
  // 各镇街 27, 区经济信息委 18, 区商务委 14 (README: 19/18/37, 0/27/27, 9/14/23).
  expect(data.workloads.nodes).toEqual([
    { unit: { name: '各镇街' }, co: 27 },
    { unit: { name: '区经济信息委' }, co: 18 },
    { unit: { name: '区商务委' }, co: 14 },
  ]);
});

it('pages through every unit in the asked order, each unit once', async () => {
  const seen: any[] = [];
  let after: string | null = null;
  do {
    const page: any = (await ok(`query($after: String) { workloads(year: 2024, orderBy: [{ field: LEAD, direction: ASC }], first: 40, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { unit { id name } lead } } }`, { after })).workloads;
    seen.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(seen).toHaveLength(115);
  expect(new Set(seen.map((n) => n.unit.id)).size).toBe(115);
  const leads = seen.map((n) => n.lead);
  expect(leads).toEqual([...leads].sort((a, b) => a - b));
});

it('refuses a cursor of another order as the client’s mistake', async () => {
  const first: any = await ok(`{ workloads(year: 2024, first: 2) { pageInfo { endCursor } } }`);
  const response = await api.gql(`query($after: String) { workloads(year: 2024, orderBy: [{ field: CO }], first: 2, after: $after) { nodes { co } } }`, {
    after: first.workloads.pageInfo.endCursor,
  });
  expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it('Unit.workload carries its unit, like the nodes of Query.workloads', async () => {
  const data = await ok(`{ unit(name: "区文旅委") { workload(year: 2024) { unit { name } lead co total } } }`);
  expect(data.unit.workload).toEqual({ unit: { name: '区文化旅游委' }, lead: 7, co: 3, total: 10 });
});
