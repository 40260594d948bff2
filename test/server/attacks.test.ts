import { DEFAULT_LIMITS } from '../../src/server/limits';
import { type ApiServer, startApiServer } from '../support/api-server';

/**
 * Each attack of issue 6, sent over HTTP to the real app on a seeded
 * database: refused with a stable code and a message naming the limit and its
 * value, no stack trace or file path anywhere in the body, and the flagship
 * query answered normally right after.
 */
const FLAGSHIP = `{
  tasks(where: { coUnits: { some: { name: { eq: "区经济信息委" } } }, leaders: { some: { name: { eq: "凌健" } } } }) {
    totalCount
    nodes { number leaders { name } coUnits { name } }
  }
}`;

interface Raw {
  status: number;
  type: string;
  text: string;
  body: any;
}

describe('attacks on the API', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.stop());

  async function post(body: string, contentType = 'application/json'): Promise<Raw> {
    const response = await fetch(`${api.origin}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, type: response.headers.get('content-type') ?? '', text, body: parsed };
  }

  const gql = (query: string, variables?: unknown) => post(JSON.stringify({ query, variables }));

  function expectRefused(response: Raw, code: string, message: RegExp): void {
    expect(response.type).toMatch(/json/);
    expect(response.body?.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.body.errors[0].message).toMatch(message);
    expect(response.text).not.toMatch(/stacktrace|\/work\/|\/src\/|node_modules|\bat [\w.]+ \(/);
    expect(response.body.data ?? null).toBeNull();
  }

  afterEach(async () => {
    const { body } = await gql(FLAGSHIP);
    expect(body.errors).toBeUndefined();
    expect(body.data.tasks.totalCount).toBe(9);
  });

  it('refuses a deep query by the depth limit', async () => {
    let selection = 'name';
    for (let i = 0; i < 5; i += 1) selection = `tasks { nodes { leaders { ${selection} } } }`;
    const response = await gql(`{ leaders { ${selection} } }`);
    expect(response.status).toBe(400);
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED', new RegExp(`depth limit of ${DEFAULT_LIMITS.maxDepth}\\b`));
  });

  it('refuses an alias fan-out by the alias limit', async () => {
    const fields = Array.from({ length: 50 }, (_, i) => `a${i}: tasks(first: 100) { nodes { content } }`).join(' ');
    const response = await gql(`{ ${fields} }`);
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED', new RegExp(`Aliases limit of ${DEFAULT_LIMITS.maxAliases}\\b`));
  });

  it('refuses a shallow query whose page sizes multiply past the cost limit', async () => {
    const response = await gql(`{ leaders { tasks(first: 100) { nodes { coUnits { tasks(first: 100) { nodes { content } } } } } } }`);
    expect(response.status).toBe(400);
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED', new RegExp(`cost limit of ${DEFAULT_LIMITS.maxCost}\\b`));
    expect(response.body.errors[0].extensions).toMatchObject({ limit: 'maxCost', max: DEFAULT_LIMITS.maxCost, });
    expect(response.body.errors[0].extensions.cost).toBeGreaterThan(10 * 100 * 10 * 100);
  });

  it('takes page sizes from variables when costing a query', async () => {
    const query = `query($n: Int) { leaders { tasks(first: $n) { nodes { coUnits { tasks(first: $n) { nodes { number } } } } } } }`;
    const small = await gql(query, { n: 2 });
    expect(small.body.errors).toBeUndefined();
    expectRefused(await gql(query, { n: 100 }), 'GRAPHQL_VALIDATION_FAILED', /cost limit/);
  });

  it('refuses a document with too many tokens', async () => {
    const response = await gql(`{ ${Array.from({ length: DEFAULT_LIMITS.maxTokens + 100 }, () => '__typename').join(' ')} }`);
    expectRefused(response, 'GRAPHQL_PARSE_FAILED', new RegExp(`more tha[nt] ${DEFAULT_LIMITS.maxTokens} tokens`));
  });

  it('refuses filter amplification: one variable referenced hundreds of times', async () => {
    const refs = Array.from({ length: 300 }, () => '$w').join(', ');
    const where = { OR: Array.from({ length: 10 }, (_, i) => ({ content: { contains: `字${i}` } })) };
    const response = await gql(`query($w: TaskWhere!) { tasks(where: { OR: [${refs}] }) { totalCount } }`, { w: where });
    expectRefused(response, 'BAD_USER_INPUT', new RegExp(`more than ${DEFAULT_LIMITS.maxFilterConditions} filter nodes.*filter size limit is ${DEFAULT_LIMITS.maxFilterConditions}`));
  });

  it('refuses the same amplification in a nested connection', async () => {
    const refs = Array.from({ length: 300 }, () => '$w').join(', ');
    const response = await gql(`query($w: TaskWhere!) { leaders { tasks(first: 1, where: { OR: [${refs}] }) { totalCount } } }`, { w: { year: { eq: 2024 } } });
    expectRefused(response, 'BAD_USER_INPUT', /more than 200 filter nodes.*filter size limit/);
  });

  it('answers a huge body with JSON 413 naming the body limit', async () => {
    const response = await post(JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(DEFAULT_LIMITS.maxBodyBytes + 10) } }));
    expect(response.status).toBe(413);
    expectRefused(response, 'PAYLOAD_TOO_LARGE', new RegExp(`body size limit of ${DEFAULT_LIMITS.maxBodyBytes} bytes`));
  });

  it('answers bad JSON with JSON 400', async () => {
    const response = await post('{"query": "{ leaders { name } }",');
    expect(response.status).toBe(400);
    expectRefused(response, 'BAD_REQUEST', /not valid JSON/);
  });

  it('answers a wrong content type with JSON 415', async () => {
    const response = await post('{ leaders { name } }', 'text/plain');
    expect(response.status).toBe(415);
    expectRefused(response, 'UNSUPPORTED_MEDIA_TYPE', /application\/json/);
  });

  it('answers a GET without a query and an unknown path with JSON', async () => {
    const get = await fetch(`${api.origin}/graphql`, { headers: { accept: 'application/json', 'apollo-require-preflight': '1' } });
    expect([get.status, get.headers.get('content-type')]).toEqual([400, expect.stringMatching(/json/)]);
    const missing = await fetch(`${api.origin}/nope`);
    expect([missing.status, (await missing.json()).errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses a forged but well-formed cursor as BAD_USER_INPUT', async () => {
    const first = await gql(`{ tasks(first: 1) { pageInfo { endCursor } } }`);
    const real = JSON.parse(Buffer.from(first.body.data.tasks.pageInfo.endCursor, 'base64').toString('utf8'));
    for (const values of [real.v.map(() => 'x'), real.v.map(() => 1e15), [1], real.v.map(() => ({}))]) {
      const forged = Buffer.from(JSON.stringify({ o: real.o, v: values })).toString('base64');
      const response = await gql(`query($c: String) { tasks(first: 1, after: $c) { nodes { number } } }`, { c: forged });
      expectRefused(response, 'BAD_USER_INPUT', /not a cursor of this list/);
    }
    const sectionCursor = Buffer.from(JSON.stringify({ o: 'SECTION+,ID+', v: ['NO_SUCH_SECTION', 1] })).toString('base64');
    const bySection = await gql(`query($c: String) { tasks(first: 1, after: $c, orderBy: [{ field: SECTION }]) { nodes { number } } }`, { c: sectionCursor });
    expectRefused(bySection, 'BAD_USER_INPUT', /does not fit/);
  });

  it('refuses a NUL byte in a filter string as BAD_USER_INPUT', async () => {
    const response = await gql(`query($s: String!) { tasks(where: { content: { contains: $s } }) { totalCount } }`, { s: 'a\u0000b' });
    expectRefused(response, 'BAD_USER_INPUT', /NUL/);
  });

  it('refuses a subscription, and a mutation the schema does not have, as validation errors', async () => {
    // Subscriptions exist (issue 18) but are streams, served at /graphql/stream.
    const subscription = await gql(`subscription { events { number } }`);
    expect(subscription.status).toBe(400);
    expectRefused(subscription, 'GRAPHQL_VALIDATION_FAILED', /^Subscriptions are served at \/graphql\/stream/);
    const mutation = await gql(`mutation { leaders { name } }`);
    expect(mutation.status).toBe(400);
    expectRefused(mutation, 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "leaders" on type "Mutation"/);
  });

  it('resolves each node id on its own when one is unknown or out of range', async () => {
    const { body } = await gql(`{ tasks(first: 1) { nodes { id number } } }`);
    const valid = body.data.tasks.nodes[0].id;
    const huge = Buffer.from('Task:9999999999').toString('base64');
    const gone = Buffer.from('Task:2147483647').toString('base64');
    const mixed = await gql(`query($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } c: node(id: $c) { id } d: node(id: "garbage") { id } }`, { a: valid, b: huge, c: gone });
    expect(mixed.body.errors).toBeUndefined();
    expect(mixed.body.data).toEqual({ a: { id: valid }, b: null, c: null, d: null });
  });
});
