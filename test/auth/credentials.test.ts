import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { toGlobalId } from '../../src/graphql/global-id';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { startApiServer, type ApiServer } from '../support/api-server';

/** A local identity provider: its key set over HTTP, as an OIDC provider publishes it. */
async function identityProvider() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (claims: Record<string, unknown>, options: { audience?: string; expires?: string | number; key?: import('jose').KeyLike } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(issuer)
      .setAudience(options.audience ?? 'duban')
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '5m')
      .sign(options.key ?? privateKey);
  return { issuer, sign, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('credentials', () => {
  let api: ApiServer;
  let idp: Awaited<ReturnType<typeof identityProvider>>;
  let unit: TestKey;

  beforeAll(async () => {
    idp = await identityProvider();
    api = await startApiServer({ auth: { oidc: { issuer: idp.issuer, audience: 'duban', jwksUrl: `${idp.issuer}/jwks.json`, subjectClaim: 'sub' } } });
    unit = await makeKey(api.db.dataSource, AccountRole.UNIT, { unit: '区经济信息委' });
    await api.db.dataSource.query(`UPDATE account SET oidc_subject = 'zhang.san' WHERE id = $1`, [unit.accountId]);
  });
  afterAll(async () => {
    await api.stop();
    await idp.stop();
  });

  const viewer = (token?: string) => api.gql(`{ viewer { role authenticatedBy account { name } } }`, {}, token);
  const refusedWith = async (token: string, message: string) => {
    const answer = await viewer(token);
    expect(answer.status).toBe(401);
    expect(answer.errors).toEqual([{ message, extensions: { code: 'UNAUTHENTICATED' } }]);
  };

  it('a good key is its account; a wrong secret, a malformed key and an unknown credential are 401', async () => {
    expect((await viewer(unit.token)).data.viewer).toEqual({ role: 'UNIT', authenticatedBy: 'API_KEY', account: { name: 'UNIT 区经济信息委' } });
    await refusedWith(`duban_${unit.prefix}_${'A'.repeat(43)}`, 'The API key is not valid.');
    await refusedWith('duban_12345678_short', 'The API key is malformed.');
    await refusedWith('hunter2', 'The credential is neither a duban API key nor a JWT.');
    const basic = await fetch(`${api.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' }, body: '{"query":"{ viewer { role } }"}' });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toBe('Bearer realm="duban"');
    expect(await basic.json()).toEqual({ errors: [{ message: 'The Authorization header must read "Bearer <API key or token>".', extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('an expired key and a disabled account are refused', async () => {
    // Expiry is checked on every request, against the time even a cached key carries.
    const expiresAt = new Date(Date.now() + 800);
    const soon = await makeKey(api.db.dataSource, AccountRole.READER, { name: '临时', expiresAt });
    expect((await viewer(soon.token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 20));
    await refusedWith(soon.token, `The API key ${soon.prefix} expired at ${expiresAt.toISOString()}.`);

    const admin = await makeKey(api.db.dataSource, AccountRole.ADMIN, { name: '管理员' });
    const doomed = await makeKey(api.db.dataSource, AccountRole.READER, { name: '停用' });
    expect((await viewer(doomed.token)).status).toBe(200);
    const disable = await api.gql(`mutation($id: ID!) { updateAccount(input: { id: $id, expectedVersion: 1, disabled: true }) { userErrors { code } account { disabled } } }`, { id: toGlobalId('Account', doomed.accountId) }, admin.token);
    expect(disable.data.updateAccount).toEqual({ userErrors: [], account: { disabled: true } });
    await refusedWith(doomed.token, `The account of API key ${doomed.prefix} is disabled.`);
  });

  it('the GET route is held to the same door', async () => {
    const url = `${api.origin}/graphql?query=${encodeURIComponent('{ viewer { role } }')}`;
    const refused = await fetch(url, { headers: { authorization: 'Bearer nonsense', 'apollo-require-preflight': 'true' } });
    expect(refused.status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${unit.token}`, 'apollo-require-preflight': 'true' } });
    expect((await ok.json()).data.viewer.role).toBe('UNIT');
  });

  it('a token of the identity provider signs in as the account bound to its subject', async () => {
    expect((await viewer(await idp.sign({ sub: 'zhang.san' }))).data.viewer).toEqual({ role: 'UNIT', authenticatedBy: 'OIDC', account: { name: 'UNIT 区经济信息委' } });
    await refusedWith(await idp.sign({ sub: 'li.si' }), 'No account is bound to this identity; ask an administrator to create one.');
  });

  it('a forged token, one for another audience and an expired one are 401', async () => {
    const { privateKey: forger } = await generateKeyPair('RS256');
    await refusedWith(await idp.sign({ sub: 'zhang.san' }, { key: forger }), 'The token is not valid (its signature does not verify with the identity provider’s keys).');
    await refusedWith(await idp.sign({ sub: 'zhang.san' }, { audience: 'another-app' }), 'The token was not issued for this server (aud claim).');
    await refusedWith(await idp.sign({ sub: 'zhang.san' }, { expires: Math.floor(Date.now() / 1000) - 120 }), 'The token has expired.');
    // alg "none" and a token claiming a shared secret never verify against a key set.
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'zhang.san', iss: idp.issuer, aud: 'duban' })).toString('base64url')}.`;
    expect((await viewer(none)).status).toBe(401);
  });

  it('every refused credential is one audit row with the reason', async () => {
    const rows = await api.db.dataSource.query(`SELECT actor, action, decision, rule, reason FROM audit_log WHERE action = 'authenticate' ORDER BY id`);
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(rows[0]).toEqual({ actor: 'anonymous', action: 'authenticate', decision: 'REFUSED', rule: 'credential', reason: 'The API key is not valid.' });
  });
});

describe('anonymous reads turned off', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer({ auth: { anonymousReads: false } });
  });
  afterAll(() => api.stop());

  it('every request needs a credential; a key still reads', async () => {
    const refused = await api.gql(`{ tasks(first: 1) { totalCount } }`);
    expect(refused.status).toBe(401);
    expect(refused.errors).toEqual([
      { message: 'This server requires a credential for every request: send Authorization: Bearer <API key or token>.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    const reader = await makeKey(api.db.dataSource, AccountRole.READER, { name: '大屏' });
    expect((await api.gql(`{ tasks(first: 1) { totalCount } }`, {}, reader.token)).data.tasks.totalCount).toBe(301);
  });
});
