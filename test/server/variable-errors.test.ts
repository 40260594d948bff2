import { type ApiServer, startApiServer } from '../support/api-server';

/**
 * Variables a client sends wrong (one missing, null for a non-null type, a value of another type) are
 * the client's mistake on both routes to /graphql: BAD_USER_INPUT with HTTP 400 and graphql-js's
 * message naming the variable, never INTERNAL_SERVER_ERROR. Operations graphql-jit compiles (ID, Int)
 * and operations graphql-js runs (a TaskWhere variable, see compiled-execution.ts) answer alike.
 */
let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.stop());

type Route = 'direct POST' | 'Express GET';

async function send(route: Route, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const response =
    route === 'direct POST'
      ? await fetch(`${api.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })
      : await fetch(`${api.origin}/graphql?query=${encodeURIComponent(query)}${variables ? `&variables=${encodeURIComponent(JSON.stringify(variables))}` : ''}`, {
          headers: { 'apollo-require-preflight': 'true' },
        });
  return { status: response.status, body: await response.json() };
}

const NODE = 'query($id: ID!) { node(id: $id) { id } }';
const CASES: [string, string, Record<string, unknown> | undefined, string][] = [
  ['a required variable not sent', NODE, undefined, 'Variable "$id" of required type "ID!" was not provided.'],
  ['a required variable sent as null', NODE, { id: null }, 'Variable "$id" of non-null type "ID!" must not be null.'],
  ['an object for an ID', NODE, { id: { a: 1 } }, 'Variable "$id" got invalid value { a: 1 }; ID cannot represent value: { a: 1 }'],
  ['a string for an Int', 'query($n: Int) { tasks(first: $n) { totalCount } }', { n: 'x' }, 'Variable "$n" got invalid value "x"; Int cannot represent non-integer value: "x"'],
  [
    'a string for an Int inside a TaskWhere (run by graphql-js)',
    'query($w: TaskWhere) { tasks(where: $w) { totalCount } }',
    { w: { year: { eq: 'x' } } },
    'Variable "$w" got invalid value "x" at "w.year.eq"; Int cannot represent non-integer value: "x"',
  ],
];

describe.each<Route>(['direct POST', 'Express GET'])('%s', (route) => {
  it.each(CASES)('%s is BAD_USER_INPUT with HTTP 400', async (_name, query, variables, message) => {
    const { status, body } = await send(route, query, variables);
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ message, locations: [{ line: 1, column: 7 }], extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('answers when a variable the operation does not declare is sent (GraphQL ignores it)', async () => {
    const { status, body } = await send(route, '{ leaders { name } }', { unknown: 1 });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.leaders.length).toBeGreaterThan(3);
  });

  it('still answers an operation whose variables are right', async () => {
    const { status, body } = await send(route, 'query($n: Int) { tasks(first: $n) { totalCount nodes { number } } }', { n: 2 });
    expect(status).toBe(200);
    expect(body.data.tasks.nodes).toHaveLength(2);
  });
});
