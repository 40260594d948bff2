import { toGlobalId } from '../../src/graphql/global-id';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { startApiServer, type ApiServer } from '../support/api-server';

/**
 * Every role against a sample of actions, allowed and refused, through the
 * real server (HTTP, graphql-jit, the direct resolvers) and PostgreSQL.
 */
describe('roles × actions', () => {
  let api: ApiServer;
  let admin: TestKey, office: TestKey, unit: TestKey, leader: TestKey, reader: TestKey;
  let ownTask: string, coTask: string, foreignTask: string;

  const taskOf = async (sql: string) => toGlobalId('Task', (await api.db.dataSource.query(sql))[0].id);
  const audit = () => api.db.dataSource.query(`SELECT actor, action, decision, rule, target FROM audit_log ORDER BY id`);

  beforeAll(async () => {
    api = await startApiServer();
    const ds = api.db.dataSource;
    admin = await makeKey(ds, AccountRole.ADMIN, { name: '系统管理员' });
    office = await makeKey(ds, AccountRole.OFFICE, { name: '督查办', jurisdiction: '重庆市沙坪坝区' });
    unit = await makeKey(ds, AccountRole.UNIT, { unit: '区经济信息委' });
    leader = await makeKey(ds, AccountRole.LEADER, { leader: '凌健' });
    reader = await makeKey(ds, AccountRole.READER, { name: '大屏' });
    const roleOf = (role: string) => `EXISTS (SELECT 1 FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.task_id = t.id AND u.name = '区经济信息委' AND a.role = '${role}')`;
    ownTask = await taskOf(`SELECT t.id FROM task t WHERE ${roleOf('LEAD')} ORDER BY t.id LIMIT 1`);
    coTask = await taskOf(`SELECT t.id FROM task t WHERE ${roleOf('CO')} AND NOT ${roleOf('LEAD')} ORDER BY t.id LIMIT 1`);
    foreignTask = await taskOf(`SELECT t.id FROM task t WHERE NOT EXISTS (SELECT 1 FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.task_id = t.id AND u.name = '区经济信息委') ORDER BY t.id LIMIT 1`);
  });
  afterAll(() => api.stop());

  const ACK = `mutation($task: ID!, $key: String) { acknowledgeTask(input: { task: $task, idempotencyKey: $key }) {
    replayed userErrors { field code message } acknowledgement { id unit { name } } task { number } } }`;

  it('anonymous reads answer as before; the viewer says who is asking', async () => {
    const anon = await api.gql(`{ tasks(first: 1) { totalCount } viewer { role authenticatedBy account { name } actions } }`);
    expect(anon.errors).toBeUndefined();
    expect(anon.data.tasks.totalCount).toBeGreaterThan(100);
    expect(anon.data.viewer).toEqual({ role: 'ANONYMOUS', authenticatedBy: 'NONE', account: null, actions: ['read', 'viewer.read'] });
    const me = await api.gql(`{ viewer { role authenticatedBy keyPrefix account { name role unit { name } jurisdiction version } unit { name } leader { name } actions } }`, {}, unit.token);
    expect(me.data.viewer).toMatchObject({
      role: 'UNIT',
      authenticatedBy: 'API_KEY',
      keyPrefix: unit.prefix,
      account: { role: 'UNIT', unit: { name: '区经济信息委' }, jurisdiction: '重庆市沙坪坝区', version: 1 },
      unit: { name: '区经济信息委' },
      leader: null,
    });
    expect(me.data.viewer.actions).toEqual(['read', 'viewer.read', 'account.read', 'key.revoke', 'task.acknowledge', 'extension.read', 'extension.request', 'report.submit', 'report.contribute', 'report.read']);
    const lead = await api.gql(`{ viewer { role leader { name tasks(first: 1) { totalCount } } } }`, {}, leader.token);
    expect(lead.data.viewer.leader.name).toBe('凌健');
    expect(lead.data.viewer.leader.tasks.totalCount).toBeGreaterThan(0);
  });

  it('a unit signs for a task it leads or co-operates on (签收), once', async () => {
    const first = await api.gql(ACK, { task: ownTask }, unit.token);
    expect(first.errors).toBeUndefined();
    expect(first.data.acknowledgeTask).toMatchObject({ replayed: false, userErrors: [], acknowledgement: { unit: { name: '区经济信息委' } } });
    const co = await api.gql(ACK, { task: coTask }, unit.token);
    expect(co.data.acknowledgeTask.userErrors).toEqual([]);
    const again = await api.gql(ACK, { task: ownTask }, unit.token);
    expect(again.data.acknowledgeTask.userErrors).toEqual([{ field: 'task', code: 'ALREADY_DONE', message: expect.stringMatching(/^Your unit signed for this task at /) }]);
    const seen = await api.gql(`query($id: ID!) { node(id: $id) { ... on Task { acknowledgements { unit { name } } viewerCan { acknowledge } } } }`, { id: ownTask }, unit.token);
    expect(seen.data.node).toEqual({ acknowledgements: [{ unit: { name: '区经济信息委' } }], viewerCan: { acknowledge: true } });
  });

  it('a unit key acting on another unit’s task is FORBIDDEN, naming the action and the rule, and changes nothing', async () => {
    const before = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM task_acknowledgement`);
    const refused = await api.gql(ACK, { task: foreignTask }, unit.token);
    expect(refused.status).toBe(403);
    expect(refused.data?.acknowledgeTask ?? null).toBeNull();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message:
          'Not allowed to task.acknowledge: a UNIT principal may task.acknowledge only where the principal’s unit leads the task (牵头单位) or the principal’s unit co-operates on the task (协同单位) (policy rule unit-acknowledges).',
        extensions: { code: 'FORBIDDEN', action: 'task.acknowledge', rule: 'unit-acknowledges' },
      }),
    ]);
    // An id that names no task is refused the same way: nobody learns which tasks exist from a refusal.
    const unknown = await api.gql(ACK, { task: toGlobalId('Task', 999999) }, unit.token);
    expect(unknown.errors![0].message).toBe(refused.errors![0].message);
    expect(await api.db.dataSource.query(`SELECT count(*)::int AS n FROM task_acknowledgement`)).toEqual(before);
    const can = await api.gql(`query($id: ID!) { node(id: $id) { ... on Task { viewerCan { acknowledge } } } }`, { id: foreignTask }, unit.token);
    expect(can.data.node.viewerCan.acknowledge).toBe(false);
  });

  it.each([
    ['ADMIN', () => admin],
    ['OFFICE', () => office],
    ['LEADER', () => leader],
    ['READER', () => reader],
  ])('%s may not sign for a task (only units do)', async (role, key) => {
    const refused = await api.gql(ACK, { task: ownTask }, key().token);
    expect(refused.errors![0].extensions).toEqual({ code: 'FORBIDDEN', action: 'task.acknowledge', rule: 'unit-acknowledges' });
    expect(refused.errors![0].message).toBe(`Not allowed to task.acknowledge: a ${role} principal may not task.acknowledge (policy rule unit-acknowledges).`);
  });

  it('the audit trail is for the office and administrators; accounts for administrators only', async () => {
    const q = `{ auditLog(first: 3) { nodes { action decision } } }`;
    for (const key of [admin, office]) expect((await api.gql(q, {}, key.token)).errors).toBeUndefined();
    for (const [key, role] of [[unit, 'UNIT'], [leader, 'LEADER'], [reader, 'READER']] as const) {
      const refused = await api.gql(q, {}, key.token);
      expect(refused.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN', action: 'audit.read', rule: 'admin-audit' }, path: ['auditLog'] });
      expect(refused.errors![0].message).toContain(`a ${role} principal may not audit.read`);
    }
    expect((await api.gql(`{ accounts { name role } }`, {}, admin.token)).data.accounts.map((a: { role: string }) => a.role)).toEqual([
      'ADMIN', 'OFFICE', 'UNIT', 'LEADER', 'READER',
    ]);
    expect((await api.gql(`{ accounts { name } }`, {}, office.token)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', action: 'account.list' });
    expect((await api.gql(`{ auditLog { nodes { action } } }`)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', action: 'audit.read' });
  });

  it('another account is hidden from node(id:) exactly like a missing one; one’s own is not', async () => {
    const other = toGlobalId('Account', admin.accountId);
    const missing = toGlobalId('Account', 99999);
    const own = toGlobalId('Account', unit.accountId);
    const seen = await api.gql(`query($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } c: node(id: $c) { ... on Account { name apiKeys { prefix status } } } }`, { a: other, b: missing, c: own }, unit.token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data).toEqual({ a: null, b: null, c: { name: 'UNIT 区经济信息委', apiKeys: [{ prefix: unit.prefix, status: 'ACTIVE' }] } });
    expect((await api.gql(`query($a: ID!) { node(id: $a) { ... on Account { name } } }`, { a: other }, admin.token)).data.node).toEqual({ name: '系统管理员' });
  });

  it('documents say whether the viewer may import into their plan', async () => {
    const q = `{ plans { documents { viewerCan { import } } } }`;
    const flat = async (token?: string) => (await api.gql(q, {}, token)).data.plans.flatMap((p: { documents: { viewerCan: { import: boolean } }[] }) => p.documents.map((d) => d.viewerCan.import));
    expect(new Set(await flat(office.token))).toEqual(new Set([true]));
    expect(new Set(await flat(admin.token))).toEqual(new Set([true]));
    expect(new Set(await flat(unit.token))).toEqual(new Set([false]));
    expect(new Set(await flat())).toEqual(new Set([false]));
  });

  it('the policy holds on graphql-js too (an operation with a recursive filter variable is not compiled by graphql-jit)', async () => {
    const refused = await api.gql(`query($w: TaskWhere) { tasks(where: $w, first: 1) { totalCount } auditLog(first: 1) { nodes { action } } }`, { w: { year: { eq: 2024 } } }, unit.token);
    // auditLog is non-null, so its refusal nulls the whole answer, as graphql-jit's path does.
    expect(refused.data).toBeNull();
    expect(refused.errors![0]).toMatchObject({ path: ['auditLog'], extensions: { code: 'FORBIDDEN', action: 'audit.read' } });
  });

  it('writes a row for every write and every refusal, each with its actor, rule and target', async () => {
    const rows = await audit();
    const unitName = 'UNIT 区经济信息委';
    expect(rows).toEqual(
      expect.arrayContaining([
        { actor: unitName, action: 'task.acknowledge', decision: 'ALLOWED', rule: 'unit-acknowledges', target: expect.objectContaining({ task: expect.any(Number) }) },
        { actor: unitName, action: 'task.acknowledge', decision: 'REFUSED', rule: 'unit-acknowledges', target: expect.objectContaining({ task: expect.any(Number) }) },
        { actor: 'cli:test', action: 'account.manage', decision: 'ALLOWED', rule: 'admin-manage', target: expect.objectContaining({ account: admin.accountId }) },
        { actor: 'UNIT 区经济信息委', action: 'audit.read', decision: 'REFUSED', rule: 'admin-audit', target: { field: 'Query.auditLog' } },
        { actor: 'anonymous', action: 'audit.read', decision: 'REFUSED', rule: 'admin-audit', target: { field: 'Query.auditLog' } },
      ]),
    );
    const seeded = await api.db.dataSource.query(`SELECT actor, action, decision FROM audit_log WHERE action = 'document.import'`);
    expect(seeded).toHaveLength(2);
    const mine = await api.gql(`query($a: ID!) { auditLog(where: { account: $a, decision: ALLOWED }) { totalCount nodes { action keyPrefix after } } }`, { a: toGlobalId('Account', unit.accountId) }, office.token);
    expect(mine.data.auditLog.totalCount).toBe(2);
    expect(mine.data.auditLog.nodes[0]).toMatchObject({ action: 'task.acknowledge', keyPrefix: unit.prefix, after: expect.objectContaining({ unit_id: expect.any(Number) }) });
  });

  it('the audit trail cannot be changed or deleted through SQL as the application’s role', async () => {
    const ds = api.db.dataSource;
    await expect(ds.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow('audit_log is append-only: UPDATE is not allowed');
    await expect(ds.query(`DELETE FROM audit_log`)).rejects.toThrow('audit_log is append-only: DELETE is not allowed');
    await expect(ds.query(`TRUNCATE audit_log`)).rejects.toThrow('audit_log is append-only: TRUNCATE is not allowed');
    expect((await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE actor = 'someone else'`))[0].n).toBe(0);
  });
});
