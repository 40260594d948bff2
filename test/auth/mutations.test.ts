import { toGlobalId } from '../../src/graphql/global-id';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { startApiServer, type ApiServer } from '../support/api-server';
import { tableCounts } from '../support/test-database';

/** The mutation convention (README "Mutations"): one input, a payload with userErrors, idempotency keys, expected versions. */
describe('mutations', () => {
  let api: ApiServer;
  let admin: TestKey, unit: TestKey, otherUnit: TestKey;
  let task: string;

  beforeAll(async () => {
    api = await startApiServer();
    admin = await makeKey(api.db.dataSource, AccountRole.ADMIN, { name: '系统管理员' });
    unit = await makeKey(api.db.dataSource, AccountRole.UNIT, { unit: '区经济信息委' });
    otherUnit = await makeKey(api.db.dataSource, AccountRole.UNIT, { unit: '区科技局' });
    const [row] = await api.db.dataSource.query(
      `SELECT a.task_id AS id FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE u.name = '区经济信息委' AND a.role = 'LEAD' ORDER BY a.task_id LIMIT 1`,
    );
    task = toGlobalId('Task', row.id);
  });
  afterAll(() => api.stop());

  const counts = () => Promise.all([tableCounts(api.db.dataSource), api.db.dataSource.query(`SELECT (SELECT count(*)::int FROM task_acknowledgement) AS acks, (SELECT count(*)::int FROM account) AS accounts, (SELECT count(*)::int FROM api_key) AS keys`)]);
  const ACK = `mutation($input: AcknowledgeTaskInput!) { acknowledgeTask(input: $input) { replayed userErrors { field code } acknowledgement { id note } } }`;

  it('a mutation without a credential is 401 UNAUTHENTICATED, before anything runs, and one audit row', async () => {
    const before = await counts();
    const refused = await api.gql(ACK, { input: { task } });
    expect(refused.status).toBe(401);
    expect(refused.errors).toEqual([
      { message: 'Mutations need a credential (acknowledgeTask): send Authorization: Bearer <API key or token>.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(await counts()).toEqual(before);
    expect(await api.db.dataSource.query(`SELECT actor, action, decision, rule FROM audit_log WHERE action = 'mutation'`)).toEqual([
      { actor: 'anonymous', action: 'mutation', decision: 'REFUSED', rule: 'credential' },
    ]);
  });

  it('an idempotency key sent again returns the first answer; the same key with another input is refused', async () => {
    const input = { task, note: '已签收', idempotencyKey: 'ack-1' };
    const first = await api.gql(ACK, { input }, unit.token);
    expect(first.data.acknowledgeTask).toMatchObject({ replayed: false, userErrors: [], acknowledgement: { note: '已签收' } });
    const before = await counts();
    const replay = await api.gql(ACK, { input }, unit.token);
    expect(replay.data.acknowledgeTask).toEqual({ ...first.data.acknowledgeTask, replayed: true });
    expect(await counts()).toEqual(before);
    const reused = await api.gql(ACK, { input: { ...input, note: '另一个备注' } }, unit.token);
    expect(reused.data.acknowledgeTask).toEqual({ replayed: false, userErrors: [{ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }], acknowledgement: null });
    // Keys belong to their account: another unit's "ack-1" is its own.
    const other = await api.gql(ACK, { input }, otherUnit.token);
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('concurrent replays of one idempotency key act once', async () => {
    const [row] = await api.db.dataSource.query(
      `SELECT a.task_id AS id FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE u.name = '区经济信息委' AND a.role = 'CO' ORDER BY a.task_id DESC LIMIT 1`,
    );
    const input = { task: toGlobalId('Task', row.id), idempotencyKey: 'ack-concurrent' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => api.gql(ACK, { input }, unit.token)));
    expect(answers.map((a) => a.data.acknowledgeTask.userErrors)).toEqual([[], [], [], [], []]);
    expect(answers.filter((a) => !a.data.acknowledgeTask.replayed)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.data.acknowledgeTask.acknowledgement.id)).size).toBe(1);
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'task.acknowledge' AND target->>'task' = $1`, [String(row.id)]))[0].n).toBe(1);
  });

  const UPDATE = `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { userErrors { field code message } account { name version disabled } } }`;

  it('a stale version is refused with STALE_VERSION and changes nothing; the right one bumps it', async () => {
    const id = toGlobalId('Account', unit.accountId);
    const stale = await api.gql(UPDATE, { input: { id, expectedVersion: 7, name: '改名' } }, admin.token);
    expect(stale.data.updateAccount).toEqual({
      userErrors: [{ field: 'expectedVersion', code: 'STALE_VERSION', message: 'The account changed since you read it: it is at version 1, you sent 7. Read it again and retry.' }],
      account: null,
    });
    const ok = await api.gql(UPDATE, { input: { id, expectedVersion: 1, name: '经信委联络员' } }, admin.token);
    expect(ok.data.updateAccount).toEqual({ userErrors: [], account: { name: '经信委联络员', version: 2, disabled: false } });
    const [entry] = await api.db.dataSource.query(`SELECT before->>'name' AS before, after->>'name' AS after FROM audit_log WHERE reason = 'updateAccount'`);
    expect(entry).toEqual({ before: 'UNIT 区经济信息委', after: '经信委联络员' });
    const missing = await api.gql(UPDATE, { input: { id: toGlobalId('Account', 9999), expectedVersion: 1, name: 'x' } }, admin.token);
    expect(missing.data.updateAccount.userErrors).toEqual([{ field: 'id', code: 'NOT_FOUND', message: 'There is no account 9999.' }]);
  });

  it('bad input: a malformed id is BAD_USER_INPUT naming the field; an empty name is a user error; nothing changes', async () => {
    const before = await counts();
    const badId = await api.gql(ACK, { input: { task: 'not-an-id' } }, unit.token);
    expect(badId.errors).toEqual([{ message: 'input.task must be the id of a Task (its `id` field); "not-an-id" is not.', path: ['acknowledgeTask'], locations: expect.any(Array), extensions: { code: 'BAD_USER_INPUT', argument: 'task' } }]);
    const unitAsTask = await api.gql(ACK, { input: { task: toGlobalId('Unit', 1) } }, unit.token);
    expect(unitAsTask.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const empty = await api.gql(`mutation { createAccount(input: { name: "  ", role: READER }) { userErrors { field code } account { id } } }`, {}, admin.token);
    expect(empty.data.createAccount).toEqual({ userErrors: [{ field: 'name', code: 'INVALID' }], account: null });
    const unbound = await api.gql(`mutation { createAccount(input: { name: "联络员", role: UNIT }) { userErrors { field code message } } }`, {}, admin.token);
    expect(unbound.data.createAccount.userErrors).toEqual([{ field: 'unit', code: 'INVALID', message: 'A UNIT account needs the unit it acts for.' }]);
    const longNote = await api.gql(ACK, { input: { task, note: '长'.repeat(2001) } }, otherUnit.token);
    expect(longNote.errors![0].extensions!.code).toBe('FORBIDDEN');
    const tooLongKey = await api.gql(ACK, { input: { task, idempotencyKey: 'k'.repeat(201) } }, unit.token);
    expect(tooLongKey.errors![0]).toMatchObject({ message: 'input.idempotencyKey must be 1 to 200 characters.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await counts()).toEqual(before);
  });

  it('an administrator makes a key; it is shown once, a replay does not show it again', async () => {
    const make = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { replayed token userErrors { code } apiKey { prefix status account { name } } } }`;
    const input = { account: toGlobalId('Account', otherUnit.accountId), idempotencyKey: 'key-1' };
    const made = await api.gql(make, { input }, admin.token);
    expect(made.data.createApiKey).toMatchObject({ replayed: false, token: expect.stringMatching(/^duban_[0-9a-f]{8}_[\w-]{43}$/), userErrors: [], apiKey: { status: 'ACTIVE', account: { name: 'UNIT 区科技局' } } });
    const replay = await api.gql(make, { input }, admin.token);
    expect(replay.data.createApiKey).toEqual({ ...made.data.createApiKey, replayed: true, token: null });
    expect((await api.gql(`{ viewer { account { name } } }`, {}, made.data.createApiKey.token)).data.viewer.account.name).toBe('UNIT 区科技局');
    const past = await api.gql(make, { input: { account: input.account, expiresAt: '2020-01-01' } }, admin.token);
    expect(past.data.createApiKey.userErrors).toEqual([{ code: 'INVALID' }]);
    const byUnit = await api.gql(make, { input: { account: input.account } }, unit.token);
    expect(byUnit.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', action: 'account.manage' });
  });

  it('an account revokes its own key, not another’s; a revoked key is refused from then on', async () => {
    const revoke = `mutation($prefix: String!) { revokeApiKey(input: { prefix: $prefix }) { userErrors { code } apiKey { status } } }`;
    const theirs = await api.gql(revoke, { prefix: unit.prefix }, otherUnit.token);
    expect(theirs.errors![0].extensions).toEqual({ code: 'FORBIDDEN', action: 'key.revoke', rule: 'revoke-own-key' });
    // An unknown prefix is refused exactly like someone else's key.
    const unknown = await api.gql(revoke, { prefix: 'ffffffff' }, otherUnit.token);
    expect(unknown.errors![0].message).toBe(theirs.errors![0].message);
    const own = await api.gql(revoke, { prefix: otherUnit.prefix }, otherUnit.token);
    expect(own.data.revokeApiKey).toEqual({ userErrors: [], apiKey: { status: 'REVOKED' } });
    const after = await api.gql(`{ viewer { role } }`, {}, otherUnit.token);
    expect(after.status).toBe(401);
    expect(after.errors).toEqual([{ message: `The API key ${otherUnit.prefix} was revoked.`, extensions: { code: 'UNAUTHENTICATED' } }]);
    const twice = await api.gql(revoke, { prefix: otherUnit.prefix }, admin.token);
    expect(twice.data.revokeApiKey.userErrors).toEqual([{ code: 'ALREADY_DONE' }]);
  });
});
