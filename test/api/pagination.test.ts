import { type ApiServer, startApiServer } from '../support/api-server';

describe('pagination', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.stop());

  const KEY_TASKS_2024 = '{ year: { eq: 2024 }, section: { eq: KEY_TASK } }';

  async function walk(direction: 'forward' | 'backward', size: number, orderBy = '[{ field: NUMBER, direction: DESC }]') {
    const numbers: number[][] = [];
    let cursor: string | null = null;
    for (;;) {
      const args = direction === 'forward' ? `first: ${size}, after: $cursor` : `last: ${size}, before: $cursor`;
      const { data, errors }: any = await api.gql(
        `query($cursor: String) { tasks(where: ${KEY_TASKS_2024}, orderBy: ${orderBy}, ${args}) {
          totalCount edges { cursor node { number } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        { cursor },
      );
      if (errors) throw new Error(JSON.stringify(errors));
      const { edges, pageInfo, totalCount } = data.tasks;
      expect(totalCount).toBe(136);
      expect(pageInfo.startCursor).toBe(edges[0]?.cursor ?? null);
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      numbers.push(edges.map((e: { node: { number: number } }) => e.node.number));
      const more = direction === 'forward' ? pageInfo.hasNextPage : pageInfo.hasPreviousPage;
      if (!more) break;
      cursor = direction === 'forward' ? pageInfo.endCursor : pageInfo.startCursor;
    }
    return numbers;
  }

  it('walks forward with first/after through every task exactly once, in order', async () => {
    const pages = await walk('forward', 30);
    expect(pages.map((p) => p.length)).toEqual([30, 30, 30, 30, 16]);
    expect(pages.flat()).toEqual(Array.from({ length: 136 }, (_, k) => 136 - k));
  });

  it('walks backward with last/before and meets the same order', async () => {
    const pages = await walk('backward', 50);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 36]);
    expect(pages.reverse().flat()).toEqual(Array.from({ length: 136 }, (_, k) => 136 - k));
  });

  it('orders by several keys with ties broken stably (2021 and 2024 interleaved by number)', async () => {
    const { data } = await api.gql(`{ tasks(orderBy: [{ field: NUMBER }, { field: YEAR, direction: DESC }], first: 6) { nodes { number year section } } }`);
    expect(data.tasks.nodes).toEqual([
      { number: 1, year: 2024, section: 'TARGET' },
      { number: 1, year: 2024, section: 'KEY_TASK' },
      { number: 1, year: 2021, section: 'TARGET' },
      { number: 1, year: 2021, section: 'LIVELIHOOD' },
      { number: 1, year: 2021, section: 'KEY_TASK' },
      { number: 2, year: 2024, section: 'TARGET' },
    ]);
  });

  it('defaults to 20 items', async () => {
    const { data } = await api.gql(`{ tasks { nodes { id } pageInfo { hasNextPage hasPreviousPage } } }`);
    expect(data.tasks.nodes).toHaveLength(20);
    expect(data.tasks.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
  });

  it.each([
    ['first: 0', '`first` must be between 1 and 100 (got 0).'],
    ['first: 101', '`first` must be between 1 and 100 (got 101).'],
    ['last: 1000', '`last` must be between 1 and 100 (got 1000).'],
    ['first: 5, last: 5', 'Pass either `first` or `last`, not both.'],
    ['after: "bm9wZQ=="', '`after` is not a cursor of this list.'],
  ])('refuses %s with BAD_USER_INPUT saying the limit', async (args, message) => {
    const { data, errors } = await api.gql(`{ tasks(${args}) { totalCount } }`);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('refuses a cursor from another ordering', async () => {
    const { data } = await api.gql(`{ tasks(first: 1) { pageInfo { endCursor } } }`);
    const { errors } = await api.gql(`query($c: String) { tasks(first: 1, after: $c, orderBy: [{ field: NUMBER }]) { totalCount } }`, { c: data.tasks.pageInfo.endCursor });
    expect(errors?.[0].message).toBe('`after` is a cursor of another list or ordering; cursors are only valid with the same orderBy.');
  });

  it('pages workloads stably: small pages concatenate to the one big page, ordered by total', async () => {
    const query = `query($first: Int, $after: String) { workloads(year: 2024, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { unit { name } lead co total } } }`;
    const big = (await api.gql(query, { first: 100 })).data.workloads;
    const rest = (await api.gql(query, { first: 100, after: big.pageInfo.endCursor })).data.workloads;
    const all = [...big.nodes, ...rest.nodes];
    expect(all).toHaveLength(big.totalCount);
    const small: unknown[] = [];
    let after: string | null = null;
    do {
      const page: any = (await api.gql(query, { first: 7, after })).data.workloads;
      small.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(small).toEqual(all);
    const totals = all.map((w: { total: number }) => w.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(all[0]).toEqual({ unit: { name: '区经济信息委' }, lead: 19, co: 18, total: 37 });
  });

  it('paginates nested connections per parent', async () => {
    const { data } = await api.gql(`{ leaders { name tasks(first: 2, orderBy: [{ field: NUMBER, direction: DESC }]) { totalCount nodes { number } } } }`);
    const ling = data.leaders.find((l: { name: string }) => l.name === '凌健');
    expect(ling.tasks.nodes).toHaveLength(2);
    expect(data.leaders.map((l: { tasks: { totalCount: number } }) => l.tasks.totalCount).reduce((a: number, b: number) => a + b)).toBe(145);
  });
});
