import { toGlobalId } from '../../src/graphql/global-id';
import { workflowWorld, type WorkflowWorld } from '../extension/workflow-fixture';

/**
 * 办结/销号 and reopening through HTTP and PostgreSQL, and what the lights and
 * statistics make of a closed task. 2021 key task 17 is the seeds' one RED task
 * (SUSPENDED, 暂缓), so closing it is what an office would do with it.
 */
let w: WorkflowWorld;
let task17: string;
beforeAll(async () => {
  w = await workflowWorld();
  const [row] = await w.api.db.dataSource.query(`SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2021 AND t.section = 'KEY_TASK' AND t.number = 17`);
  task17 = toGlobalId('Task', row.id);
}, 120_000);
afterAll(() => w?.api.stop());

const FIELDS = `replayed userErrors { field code message } task { number closure { state reason closedAt reopenedAt version } risk { level reasons { rule detail } } }`;
const CLOSE = `mutation($input: CloseTaskInput!) { closeTask(input: $input) { ${FIELDS} } }`;
const REOPEN = `mutation($input: ReopenTaskInput!) { reopenTask(input: $input) { ${FIELDS} } }`;

async function refused(query: string, input: Record<string, unknown>, token: string) {
  const before = await w.snapshot();
  const r = await w.api.gql(query, { input }, token);
  expect(r.errors).toBeUndefined();
  const payload = Object.values(r.data)[0] as any;
  expect(payload.task).toBeNull();
  expect(await w.snapshot()).toEqual(before);
  return payload.userErrors;
}

async function forbidden(query: string, input: Record<string, unknown>, token: string) {
  const before = await w.snapshot();
  const r = await w.api.gql(query, { input }, token);
  expect(r.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', action: 'task.close' });
  expect(await w.snapshot()).toEqual(before);
  return (r.errors![0].extensions as any).rule;
}

const red2021 = async () => (await w.api.gql(`{ tasks(where: { year: { eq: 2021 }, risk: { level: RED } }) { nodes { number } } }`)).data.tasks.nodes;

describe('closeTask (办结/销号)', () => {
  it('a task never closed is OPEN at version 0', async () => {
    const r = await w.api.gql(`query($id: ID!) { node(id: $id) { ... on Task { closure { state reason closedAt version } } } }`, { id: task17 });
    expect(r.data.node.closure).toEqual({ state: 'OPEN', reason: null, closedAt: null, version: 0 });
    expect(await red2021()).toEqual([{ number: 17 }]);
  });

  it('refused by the policy: a unit, another district’s office, a reader', async () => {
    expect(await forbidden(CLOSE, { task: task17, reason: '已办结' }, w.unit.token)).toBe('admin-closes');
    expect(await forbidden(CLOSE, { task: task17, reason: '已办结' }, w.otherOffice.token)).toBe('office-closes');
    expect(await forbidden(CLOSE, { task: task17, reason: '已办结' }, w.reader.token)).toBe('admin-closes');
  });

  it.each([
    ['an empty reason', { reason: ' ' }, 'INVALID', 'reason', 'The reason must not be empty.'],
    ['a reason over 2,000 characters', { reason: '结'.repeat(2001) }, 'INVALID', 'reason', 'The reason is 2001 characters long; at most 2000 are kept.'],
    ['a stale version', { reason: '已办结', expectedVersion: 1 }, 'STALE_VERSION', 'expectedVersion', 'The task’s closing changed since you read it: it is at version 0, you sent 1. Read it again and retry.'],
  ])('%s: refused with its code, nothing changed', async (_label, over, code, field, message) => {
    expect(await refused(CLOSE, { task: task17, ...over }, w.office.token)).toEqual([{ code, field, message }]);
  });

  it('a malformed task id is BAD_USER_INPUT', async () => {
    const r = await w.api.gql(CLOSE, { input: { task: 'nope', reason: '已办结' } }, w.office.token);
    expect(r.errors).toEqual([{ message: 'input.task must be the id of a Task (its `id` field); "nope" is not.', locations: expect.any(Array), path: ['closeTask'], extensions: { code: 'BAD_USER_INPUT', argument: 'task' } }]);
  });

  it('the office closes it: CLOSED, GREEN with rule CLOSED in JS and SQL, counted by taskStats, audited; replayed once', async () => {
    const input = { task: task17, reason: '项目已调整，经区政府同意销号', expectedVersion: 0, idempotencyKey: 'close-17' };
    const answer = (await w.api.gql(CLOSE, { input }, w.office.token)).data.closeTask;
    expect(answer).toMatchObject({
      replayed: false,
      userErrors: [],
      task: { number: 17, closure: { state: 'CLOSED', reason: '项目已调整，经区政府同意销号', closedAt: expect.any(String), reopenedAt: null, version: 1 }, risk: { level: 'GREEN', reasons: [{ rule: 'CLOSED' }] } },
    });
    expect(answer.task.risk.reasons[0].detail).toMatch(/^closed by the supervision office on \d{4}-\d\d-\d\d \(办结\/销号\)$/);
    expect(await red2021()).toEqual([]);
    const stats = await w.api.gql(`{ closed: taskStats(where: { closed: true }, groupBy: [YEAR]) { year count } risk: taskStats(where: { year: { eq: 2021 } }, groupBy: [RISK]) { risk count } }`);
    expect(stats.data.closed).toEqual([{ year: 2021, count: 1 }]);
    expect(stats.data.risk).toEqual(expect.arrayContaining([{ risk: 'GREEN', count: 155 }, { risk: 'YELLOW', count: 2 }]));
    const [entry] = await w.api.db.dataSource.query(`SELECT action, rule, before, after->>'state' AS after FROM audit_log WHERE reason = 'closeTask'`);
    expect(entry).toEqual({ action: 'task.close', rule: 'office-closes', before: null, after: 'CLOSED' });
    const before = await w.snapshot();
    expect((await w.api.gql(CLOSE, { input }, w.office.token)).data.closeTask).toEqual({ ...answer, replayed: true });
    expect(await w.snapshot()).toEqual(before);
  });

  it('an illegal transition: closing a closed task names the state and the action', async () => {
    expect(await refused(CLOSE, { task: task17, reason: '再次办结' }, w.office.token)).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'task', message: 'The TaskClosure is CLOSED: close is possible only from (new), OPEN.' },
    ]);
  });

  it('a closed task takes no extension request, and an approval waits for a reopening', async () => {
    const task = await w.task2099(1);
    const asked = (await w.api.gql(`mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { extensionRequest { id } } }`, { input: { task, newDue: '2099-08-31', reason: '资金未到位' } }, w.unit.token)).data.requestExtension;
    expect((await w.api.gql(CLOSE, { input: { task, reason: '提前完成' } }, w.admin.token)).data.closeTask.userErrors).toEqual([]);
    const late = await w.api.gql(`mutation($input: ApproveExtensionInput!) { approveExtension(input: $input) { userErrors { code field message } } }`, { input: { request: asked.extensionRequest.id } }, w.office.token);
    expect(late.data.approveExtension.userErrors).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'request', message: 'The task is CLOSED (办结): approve is possible only while it is open; refuse the request or reopen the task.' },
    ]);
    const again = await w.api.gql(`mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { userErrors { code field message } } }`, { input: { task: await w.task2099(1), newDue: '2099-08-31', reason: 'x' } }, w.unit.token);
    expect(again.data.requestExtension.userErrors).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'task', message: 'The task is CLOSED (办结): request is possible only while it is open; the office must reopen it first.' },
    ]);
  });
});

describe('reopenTask', () => {
  it('refused by the policy and for bad input, with nothing changed', async () => {
    expect(await forbidden(REOPEN, { task: task17, reason: '重新督办' }, w.unit.token)).toBe('admin-closes');
    expect(await refused(REOPEN, { task: task17, reason: '' }, w.office.token)).toEqual([{ code: 'INVALID', field: 'reason', message: 'The reason must not be empty.' }]);
    expect(await refused(REOPEN, { task: task17, reason: '开'.repeat(2001) }, w.office.token)).toEqual([{ code: 'INVALID', field: 'reason', message: 'The reason is 2001 characters long; at most 2000 are kept.' }]);
    expect((await refused(REOPEN, { task: task17, reason: '重新督办', expectedVersion: 0 }, w.office.token)).map((e: any) => e.code)).toEqual(['STALE_VERSION']);
  });

  it('an illegal transition: reopening a task never closed', async () => {
    expect(await refused(REOPEN, { task: await w.task2099(2), reason: '重新督办' }, w.office.token)).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'task', message: 'The TaskClosure does not exist yet: reopen is possible only from CLOSED.' },
    ]);
  });

  it('the office reopens it: OPEN, judged RED again, the closing kept in the audit trail; replayed once; reopening again is illegal', async () => {
    const input = { task: task17, reason: '复工条件不具备，继续督办', expectedVersion: 1, idempotencyKey: 'reopen-17' };
    const answer = (await w.api.gql(REOPEN, { input }, w.office.token)).data.reopenTask;
    expect(answer).toMatchObject({
      userErrors: [],
      task: { closure: { state: 'OPEN', reason: '复工条件不具备，继续督办', closedAt: expect.any(String), reopenedAt: expect.any(String), version: 2 }, risk: { level: 'RED', reasons: [{ rule: 'SUSPENDED' }] } },
    });
    expect(await red2021()).toEqual([{ number: 17 }]);
    const [entry] = await w.api.db.dataSource.query(`SELECT before->>'state' AS before, after->>'state' AS after, before->>'reason' AS why FROM audit_log WHERE reason = 'reopenTask'`);
    expect(entry).toEqual({ before: 'CLOSED', after: 'OPEN', why: '项目已调整，经区政府同意销号' });
    const before = await w.snapshot();
    expect((await w.api.gql(REOPEN, { input }, w.office.token)).data.reopenTask).toEqual({ ...answer, replayed: true });
    expect(await w.snapshot()).toEqual(before);
    expect((await refused(REOPEN, { task: task17, reason: '再开' }, w.office.token)).map((e: any) => e.code)).toEqual(['ILLEGAL_TRANSITION']);
    const closedAgain = (await w.api.gql(CLOSE, { input: { task: task17, reason: '二次办结', expectedVersion: 2 } }, w.office.token)).data.closeTask;
    expect(closedAgain.task.closure).toMatchObject({ state: 'CLOSED', version: 3 });
  });
});

describe('viewerCan', () => {
  it('answers from the policy who may ask for, decide and close', async () => {
    const Q = `query($id: ID!) { node(id: $id) { ... on Task { viewerCan { acknowledge requestExtension decideExtension close } } } }`;
    const id = await w.task2099(1);
    const as = async (token?: string) => (await w.api.gql(Q, { id }, token)).data.node.viewerCan;
    expect(await as(w.unit.token)).toEqual({ acknowledge: true, requestExtension: true, decideExtension: false, close: false });
    expect(await as(w.otherUnit.token)).toEqual({ acknowledge: true, requestExtension: false, decideExtension: false, close: false });
    expect(await as(w.office.token)).toEqual({ acknowledge: false, requestExtension: false, decideExtension: true, close: true });
    expect(await as(w.otherOffice.token)).toEqual({ acknowledge: false, requestExtension: false, decideExtension: false, close: false });
    expect(await as()).toEqual({ acknowledge: false, requestExtension: false, decideExtension: false, close: false });
  });
});
