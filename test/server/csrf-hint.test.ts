import { type ApiServer, startApiServer } from '../support/api-server';

/**
 * A GET query without a preflight header is refused by Apollo's CSRF
 * prevention (right: a browser form could send it). The refusal used to
 * list headers in Apollo's terms only; it now says how a GET works.
 */
describe('GET /graphql refused as a possible CSRF', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api?.stop());

  it('is a JSON BAD_REQUEST that names the header to send, and that header works', async () => {
    const url = `${api.origin}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const refused = await fetch(url);
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    expect(body.errors[0].message).toContain("A GET query works with the header `apollo-require-preflight: true`");

    const answered = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
