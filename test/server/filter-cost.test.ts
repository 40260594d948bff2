import { countFilterConditions } from '../../src/graphql/filter-size';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { type ApiServer, startApiServer } from '../support/api-server';

/**
 * Issue 20 item 4: every node of a filter costs something (an empty object and
 * a relation wrapper such as `leaders: { some: {} }` too), the count is made
 * before any SQL is built, and the limit is the app's configured one.
 */
const REFS = Array.from({ length: 300 }, () => '$w').join(', ');
const ATTACK = `query($w: TaskWhere!) { tasks(where: { OR: [${REFS}] }) { totalCount } }`;
const EMPTY_RELATIONS = { OR: Array.from({ length: 1000 }, () => ({ leaders: { some: {} } })) };

describe('filter cost', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer({ exposeSql: true });
  });
  afterAll(() => api.stop());

  it('refuses one variable of 1,000 empty relation filters used 300 times, before any SQL', async () => {
    const response = await api.gql(ATTACK, { w: EMPTY_RELATIONS });
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'where' },
      message: `\`where\` has more than ${DEFAULT_LIMITS.maxFilterConditions} filter nodes after variables are expanded (every input object counts, empty ones included); the filter size limit is ${DEFAULT_LIMITS.maxFilterConditions} conditions (maxFilterConditions).`,
    });
    expect(response.data ?? null).toBeNull();
    expect(response.extensions?.sql ?? []).toEqual([]);
  });

  it('refuses the same in a nested connection and through a fragment', async () => {
    const nested = await api.gql(`query($w: TaskWhere!) { leaders { ...L } } fragment L on Leader { tasks(first: 1, where: { OR: [${REFS}] }) { totalCount } }`, {
      w: { leaders: { some: {} } },
    });
    expect(nested.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(nested.extensions?.sql ?? []).toEqual([]);
  });

  it('still answers small filters, empty objects included', async () => {
    const response = await api.gql(`query($w: TaskWhere!) { tasks(where: { OR: [$w, $w] }) { totalCount } }`, { w: { leaders: { some: {} }, year: { eq: 2024 } } });
    const plain = await api.gql(`{ tasks(where: { leaders: { some: {} }, year: { eq: 2024 } }) { totalCount } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.tasks.totalCount).toBe(plain.data.tasks.totalCount);
    expect(response.data.tasks.totalCount).toBeGreaterThan(100);
  });
});

describe('filter cost under configured limits (createApp({ limits }))', () => {
  const filter = { OR: Array.from({ length: 40 }, (_, i) => ({ number: { eq: i + 1 }, year: { eq: 2024 } })) };
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer({ limits: { maxFilterConditions: 1000 } });
  });
  afterAll(() => api.stop());

  it('admits what the configured limit admits, though the default would refuse it', async () => {
    expect(countFilterConditions(filter)).toBeGreaterThan(DEFAULT_LIMITS.maxFilterConditions);
    const response = await api.gql(`query($w: TaskWhere!) { tasks(where: $w) { totalCount } }`, { w: filter });
    expect(response.errors).toBeUndefined();
    expect(response.data.tasks.totalCount).toBe(8 + 40); // targets 1–8 and key tasks 1–40 of 2024
  });

  it('refuses by the configured limit, naming it', async () => {
    const response = await api.gql(`query($w: UnitWhere!) { units(where: { OR: [$w, $w] }) { totalCount } }`, { w: { OR: Array.from({ length: 600 }, () => ({})) } });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('the filter size limit is 1000 conditions') });
  });
});

describe('counting filter nodes', () => {
  it.each([
    [{ year: { eq: 2024 } }, 3],
    [{ year: { in: [2021, 2024] }, content: { contains: 'a', startsWith: 'b' } }, 6],
    [{ OR: [{ year: { eq: 1 } }, { leaders: { some: { name: { eq: 'x' } } } }], NOT: { section: { eq: 'KEY_TASK' } } }, 12],
    [{ leaders: { some: {} } }, 3],
    [{}, 1],
    [{ OR: Array.from({ length: 300 }, () => ({ AND: [{ year: { eq: 1 } }, { number: { eq: 2 } }] })) }, 2101],
  ])('counts filter %# as %d nodes', (where, count) => {
    expect(countFilterConditions(where)).toBe(count);
  });

  it('stops counting past the limit', () => {
    // Items past the 250th throw when read: a count that stops at the limit never reaches them.
    const items: object[] = Array.from({ length: 250 }, () => ({}));
    items.length = 100_000;
    for (let i = 250; i < items.length; i++) {
      Object.defineProperty(items, i, { get: () => { throw new Error(`item ${i} was read`); }, enumerable: true });
    }
    expect(countFilterConditions({ OR: items }, 200)).toBe(201);
    // A deep chain does not overflow the stack.
    let deep: object = {};
    for (let i = 0; i < 100_000; i++) deep = { NOT: deep };
    expect(countFilterConditions(deep, 200)).toBe(201);
    expect(countFilterConditions(deep)).toBe(100_001);
  });
});
