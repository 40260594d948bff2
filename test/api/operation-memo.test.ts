import { MAX_VARIABLE_SETS_PER_FIELD } from '../../src/graphql/operation-memo';
import { type ApiServer, startApiServer } from '../support/api-server';

/**
 * Root connections keep their compiled statement per operation and variable
 * set (src/graphql/operation-memo.ts). A plan served to the wrong variables,
 * the wrong operation or another page would answer another question: these
 * run the same documents with changing inputs, interleaved, and check every
 * answer against the seed documents.
 */
describe('statements memoised per operation', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer({ exposeSql: true });
  });
  afterAll(() => api.stop());

  const BY_LEADER = `query ByLeader($leader: String!, $first: Int) {
    tasks(where: { leaders: { some: { name: { eq: $leader } } }, year: { eq: 2024 } }, first: $first) { totalCount nodes { number } }
  }`;

  /** The oracle: the numbers of a leader's tasks in the API's default order, by hand-written SQL. */
  async function numbersOf(leader: string, year?: number): Promise<number[]> {
    const rows: { number: number }[] = await api.db.dataSource.query(
      `SELECT t.number FROM task t JOIN plan p ON p.id = t.plan_id
        WHERE EXISTS (SELECT 1 FROM task_leader tl JOIN leader l ON l.id = tl.leader_id WHERE tl.task_id = t.id AND l.name = $1)
          AND ($2::int IS NULL OR p.year = $2)
        ORDER BY p.year, t.section, t.number, t.id`,
      [leader, year ?? null],
    );
    return rows.map((r) => r.number);
  }
  const numbers = (nodes: { number: number }[]) => nodes.map((t) => t.number);

  it('answers each variable set with its own values, however the requests interleave', async () => {
    const expected = { 凌健: await numbersOf('凌健', 2024), 黄可欣: await numbersOf('黄可欣', 2024) };
    expect(expected.凌健.length).toBeGreaterThan(3);
    expect(expected.黄可欣.length).toBeGreaterThan(3);
    expect(expected.凌健.slice(0, 3)).not.toEqual(expected.黄可欣.slice(0, 3));
    for (const leader of ['凌健', '黄可欣', '凌健', '黄可欣'] as const) {
      const { data, errors } = await api.gql(BY_LEADER, { leader, first: 3 });
      expect(errors).toBeUndefined();
      expect(data.tasks.totalCount).toBe(expected[leader].length);
      expect(numbers(data.tasks.nodes)).toEqual(expected[leader].slice(0, 3));
    }
    // Another page size is another variable set: its own LIMIT value, the same statement text.
    const five = await api.gql(BY_LEADER, { leader: '凌健', first: 5 });
    const three = await api.gql(BY_LEADER, { leader: '凌健', first: 3 });
    expect(numbers(five.data.tasks.nodes)).toEqual(expected.凌健.slice(0, 5));
    expect(numbers(three.data.tasks.nodes)).toEqual(expected.凌健.slice(0, 3));
    expect(five.extensions!.sql).toEqual(three.extensions!.sql);
  });

  it('keeps the plans of two root fields of one document apart, and of two operations of one document', async () => {
    const document = `
      query Two { a: tasks(where: { leaders: { some: { name: { eq: "凌健" } } } }, first: 2) { nodes { number } }
                  b: tasks(where: { leaders: { some: { name: { eq: "黄可欣" } } } }, first: 2) { nodes { number } } }
      query One { tasks(where: { leaders: { some: { name: { eq: "黄可欣" } } }, year: { eq: 2024 } }, first: 1) { totalCount } }`;
    const [a, b, one] = [await numbersOf('凌健'), await numbersOf('黄可欣'), await numbersOf('黄可欣', 2024)];
    expect(a.slice(0, 2)).not.toEqual(b.slice(0, 2));
    for (let round = 0; round < 2; round++) {
      const two = await post(document, 'Two');
      expect(two.errors).toBeUndefined();
      expect(numbers(two.data.a.nodes)).toEqual(a.slice(0, 2));
      expect(numbers(two.data.b.nodes)).toEqual(b.slice(0, 2));
      expect((await post(document, 'One')).data).toEqual({ tasks: { totalCount: one.length } });
    }
  });

  it('refuses a bad argument every time, not only when the plan is first built', async () => {
    for (let round = 0; round < 2; round++) {
      const { errors } = await api.gql(BY_LEADER, { leader: '凌健', first: 101 });
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it(`still answers correctly past ${MAX_VARIABLE_SETS_PER_FIELD} variable sets of one field (those are not memoised)`, async () => {
    const lengths: number[] = [];
    for (let first = 1; first <= MAX_VARIABLE_SETS_PER_FIELD + 5; first++) {
      const { data } = await api.gql(`query P($first: Int) { workloads(year: 2024, first: $first) { nodes { total } } }`, { first });
      lengths.push(data.workloads.nodes.length);
    }
    expect(lengths).toEqual(lengths.map((_, i) => i + 1));
  });

  async function post(query: string, operationName: string) {
    const response = await fetch(`${api.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, operationName }),
    });
    return response.json();
  }
});
