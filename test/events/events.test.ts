import { toGlobalId } from '../../src/graphql/global-id';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { startApiServer, type ApiServer } from '../support/api-server';
import { subscribe } from '../support/event-stream';

/** The event log (README "Events"): one event per change, in its transaction; who sees which; replay then live. */
describe('events', () => {
  let api: ApiServer;
  let admin: TestKey, office: TestKey, unit: TestKey, otherUnit: TestKey;
  let task: number, otherTask: number;

  beforeAll(async () => {
    api = await startApiServer();
    admin = await makeKey(api.db.dataSource, AccountRole.ADMIN, { name: '系统管理员' });
    office = await makeKey(api.db.dataSource, AccountRole.OFFICE, { name: '督查办' });
    unit = await makeKey(api.db.dataSource, AccountRole.UNIT, { unit: '区经济信息委' });
    otherUnit = await makeKey(api.db.dataSource, AccountRole.UNIT, { unit: '区科技局' });
    const lead = async (name: string) =>
      (
        await api.db.dataSource.query(
          `SELECT a.task_id AS id FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE u.name = $1 AND a.role = 'LEAD'
             AND NOT EXISTS (SELECT 1 FROM assignment b JOIN unit v ON v.id = b.unit_id WHERE b.task_id = a.task_id AND v.name IN ('区经济信息委', '区科技局') AND v.name <> $1)
           ORDER BY a.task_id LIMIT 1`,
          [name],
        )
      )[0].id;
    task = await lead('区经济信息委');
    otherTask = await lead('区科技局');
  });
  afterAll(() => api.stop());

  const ACK = `mutation($input: AcknowledgeTaskInput!) { acknowledgeTask(input: $input) { replayed userErrors { code } } }`;
  const EVENTS = `query($after: Int, $first: Int, $where: EventWhere) { events(after: $after, first: $first, where: $where) { number type actor ids task { id } } }`;
  const last = async () => Number((await api.db.dataSource.query(`SELECT coalesce(max(id), 0)::text AS n FROM event`))[0].n);

  it('the seeding wrote one importDocument event per document, in commit order', async () => {
    const rows = await api.db.dataSource.query(`SELECT e.type, e.actor, e.document_id = d.id AS same FROM event e JOIN document d ON d.id = (e.target->>'document')::int ORDER BY e.id`);
    const documents = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM document`);
    expect(rows.length).toBe(documents[0].n);
    expect(rows.every((r: { type: string; same: boolean; actor: string }) => r.type === 'importDocument' && r.same && r.actor.startsWith('cli:'))).toBe(true);
  });

  it('a mutation writes one event with its ids and actor; a refusal and a replay write none', async () => {
    const before = await last();
    const input = { task: toGlobalId('Task', task), idempotencyKey: 'events-1' };
    expect((await api.gql(ACK, { input }, unit.token)).data.acknowledgeTask).toEqual({ replayed: false, userErrors: [] });
    expect((await api.gql(ACK, { input }, unit.token)).data.acknowledgeTask).toEqual({ replayed: true, userErrors: [] });
    expect((await api.gql(ACK, { input: { task: toGlobalId('Task', task) } }, unit.token)).data.acknowledgeTask.userErrors).toEqual([{ code: 'ALREADY_DONE' }]);
    expect((await api.gql(ACK, { input: { task: toGlobalId('Task', task) } }, otherUnit.token)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const answer = await api.gql(EVENTS, { after: before }, admin.token);
    expect(answer.data.events).toEqual([
      { number: before + 1, type: 'acknowledgeTask', actor: 'UNIT 区经济信息委', ids: { task, unit: expect.any(Number) }, task: { id: toGlobalId('Task', task) } },
    ]);
  });

  it('a unit sees its own tasks’ events only; the office its district’s; installation events are the administrator’s; anonymous is refused', async () => {
    const before = await last();
    await api.gql(ACK, { input: { task: toGlobalId('Task', otherTask) } }, otherUnit.token);
    await makeKey(api.db.dataSource, AccountRole.READER, { name: '大屏' });
    const types = async (token?: string) => (await api.gql(EVENTS, { after: before }, token)).data?.events.map((e: { type: string; ids: { task?: number } }) => `${e.type}:${e.ids.task ?? ''}`);
    expect(await types(admin.token)).toEqual([`acknowledgeTask:${otherTask}`, 'createAccount:', 'createApiKey:']);
    expect(await types(office.token)).toEqual([`acknowledgeTask:${otherTask}`]);
    expect(await types(otherUnit.token)).toEqual([`acknowledgeTask:${otherTask}`]);
    expect(await types(unit.token)).toEqual([]);
    const anonymous = await api.gql(EVENTS, { after: before });
    expect(anonymous.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('events(after, first, where) pages oldest first and filters by type and task; a bad argument is BAD_USER_INPUT', async () => {
    const page = await api.gql(EVENTS, { after: 0, first: 2, where: { types: ['importDocument'] } }, admin.token);
    expect(page.data.events.map((e: { number: number }) => e.number)).toEqual([1, 2]);
    const byTask = await api.gql(EVENTS, { where: { task: toGlobalId('Task', task) } }, admin.token);
    expect(byTask.data.events.map((e: { type: string }) => e.type)).toEqual(['acknowledgeTask']);
    for (const [variables, argument] of [[{ first: 0 }, 'first'], [{ first: 501 }, 'first'], [{ after: -1 }, 'after'], [{ where: { task: 'nonsense' } }, 'where']] as const) {
      const refused = await api.gql(EVENTS, variables, admin.token);
      expect(refused.errors).toEqual([{ message: expect.any(String), locations: expect.any(Array), path: ['events'], extensions: { code: 'BAD_USER_INPUT', argument } }]);
    }
  });

  it('a subscription replays the log after `after`, then delivers new events live, only those the subscriber may see', async () => {
    const before = await last();
    const [co1, co2] = await api.db.dataSource.query(
      `SELECT a.task_id AS id FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE u.name = '区经济信息委' AND a.role = 'CO' AND a.task_id <> $1 ORDER BY a.task_id LIMIT 2`,
      [task],
    );
    await api.gql(ACK, { input: { task: toGlobalId('Task', co1.id) } }, unit.token); // before + 1: this unit's
    await makeKey(api.db.dataSource, AccountRole.READER, { name: '大屏2' }); // + 2, + 3: not this unit's
    const stream = subscribe(api.origin, `subscription($after: Int) { events(after: $after) { number type ids } }`, { after: before }, unit.token);
    await stream.until((r) => r.length >= 1);
    await api.gql(ACK, { input: { task: toGlobalId('Task', co2.id) } }, unit.token); // + 4, live
    await stream.until((r) => r.length >= 2);
    expect(stream.received).toEqual([
      { data: { events: { number: before + 1, type: 'acknowledgeTask', ids: { task: co1.id, unit: expect.any(Number) } } } },
      { data: { events: { number: before + 4, type: 'acknowledgeTask', ids: { task: co2.id, unit: expect.any(Number) } } } },
    ]);
    stream.close();
  });

  it('a workflow mutation with no event code of its own (closeTask) writes its event through runMutation, seen by the task’s unit', async () => {
    const before = await last();
    const closed = await api.gql(`mutation($input: CloseTaskInput!) { closeTask(input: $input) { userErrors { code } } }`, { input: { task: toGlobalId('Task', task), reason: '已办结' } }, office.token);
    expect(closed.data.closeTask.userErrors).toEqual([]);
    const seen = await api.gql(EVENTS, { after: before }, unit.token);
    expect(seen.data.events).toEqual([{ number: before + 1, type: 'closeTask', actor: '督查办', ids: expect.objectContaining({ task }), task: { id: toGlobalId('Task', task) } }]);
  });

  it('an anonymous subscription is refused with FORBIDDEN; a query on the stream route is refused', async () => {
    const anonymous = subscribe(api.origin, `subscription { events { number } }`);
    await anonymous.until((r) => r.length >= 1);
    expect(anonymous.received[0].errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', action: 'event.read' });
    const query = subscribe(api.origin, `{ viewer { role } }`, {}, admin.token);
    await query.until((r) => r.length >= 1);
    expect(query.received[0].errors![0]).toMatchObject({ message: 'Only subscriptions are served at /graphql/stream; send queries and mutations to POST /graphql.' });
  });
});
