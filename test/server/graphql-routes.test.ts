import { gzipSync } from 'node:zlib';
import { type ApiServer, startApiServer } from '../support/api-server';

/**
 * JSON POSTs to /graphql take the direct node:http route (src/server/graphql-http.ts);
 * every other request to /graphql keeps Express's. Both must give the same answers.
 */
describe('the two routes to /graphql', () => {
  let api: ApiServer;
  const query = '{ leaders { name } }';

  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.stop());

  async function post(headers: Record<string, string>, body: BodyInit) {
    const response = await fetch(`${api.origin}/graphql`, { method: 'POST', headers, body });
    return { status: response.status, body: await response.json() };
  }

  it('answers a plain JSON POST, a charset-labelled one and a gzip-compressed one alike', async () => {
    const plain = await post({ 'content-type': 'application/json' }, JSON.stringify({ query }));
    expect(plain.status).toBe(200);
    expect(plain.body.data.leaders.length).toBeGreaterThan(3);
    const labelled = await post({ 'content-type': 'application/json; charset=UTF-8' }, JSON.stringify({ query }));
    const gzipped = await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, new Blob([new Uint8Array(gzipSync(JSON.stringify({ query })))]));
    expect(labelled).toEqual(plain);
    expect(gzipped).toEqual(plain);
  });

  it('answers a GET query through Express as Apollo does', async () => {
    const response = await fetch(`${api.origin}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect((await response.json()).data.leaders.length).toBeGreaterThan(3);
  });

  it('refuses a body in another charset with JSON 415, and bad JSON on the direct route with JSON 400', async () => {
    const latin1 = await post({ 'content-type': 'application/json; charset=latin1' }, JSON.stringify({ query }));
    expect(latin1.status).toBe(415);
    expect(latin1.body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const bad = await post({ 'content-type': 'application/json' }, '{"query":');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/not valid JSON/) });
  });
});
