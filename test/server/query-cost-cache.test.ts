import { type ApiServer, startApiServer } from '../support/api-server';

/**
 * The cost limit remembers a document's cost per operation name and
 * variables (src/server/query-cost.ts): a cached cost must never be reused
 * for other variables or another operation of the same document.
 */
describe('cost limit with its per-document cache', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.stop());

  async function gql(query: string, variables?: unknown, operationName?: string) {
    const response = await fetch(`${api.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables, operationName }) });
    return (await response.json()) as { errors?: { extensions: { code: string; cost?: number } }[] };
  }

  it('costs the same document again for other variables, in any order', async () => {
    const query = `query($n: Int) { leaders { tasks(first: $n) { nodes { coUnits { tasks(first: $n) { nodes { number } } } } } } }`;
    for (const n of [2, 100, 2, 100, 3]) {
      const { errors } = await gql(query, { n });
      if (n === 100) expect(errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost' });
      else expect(errors).toBeUndefined();
    }
  });

  it('costs each operation of one document by itself', async () => {
    const query = `query Small { leaders { tasks(first: 2) { nodes { coUnits { tasks(first: 2) { nodes { number } } } } } } }
      query Big { leaders { tasks(first: 100) { nodes { coUnits { tasks(first: 100) { nodes { number } } } } } } }`;
    for (const operation of ['Small', 'Big', 'Small', 'Big']) {
      const { errors } = await gql(query, undefined, operation);
      if (operation === 'Big') expect(errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost' });
      else expect(errors).toBeUndefined();
    }
  });
});
