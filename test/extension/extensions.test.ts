import { toGlobalId } from '../../src/graphql/global-id';
import { AccountRole, makeKey } from '../support/accounts';
import { workflowWorld, type WorkflowWorld } from './workflow-fixture';

/**
 * 延期申请 and 延期审批 through HTTP and PostgreSQL: each mutation allowed,
 * refused by the policy, an illegal transition, a stale version, a replay and
 * bad input — each refusal with its code and the data unchanged.
 */
let w: WorkflowWorld;
beforeAll(async () => {
  w = await workflowWorld();
}, 120_000);
afterAll(() => w?.api.stop());

const FIELDS = `replayed userErrors { field code message } extensionRequest { id state previousDue requestedDue approvedDue reason progress comment version decidedAt unit { name } } task { number due { date source } }`;
const DUE = `query($id: ID!) { node(id: $id) { ... on Task { due { date originalDate source words } } } }`;
const REQUEST = `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { ${FIELDS} } }`;
const APPROVE = `mutation($input: ApproveExtensionInput!) { approveExtension(input: $input) { ${FIELDS} } }`;
const REFUSE = `mutation($input: RefuseExtensionInput!) { refuseExtension(input: $input) { ${FIELDS} } }`;
const WITHDRAW = `mutation($input: WithdrawExtensionInput!) { withdrawExtension(input: $input) { ${FIELDS} } }`;

async function ask(token: string, input: Record<string, unknown>) {
  const r = await w.api.gql(REQUEST, { input: { reason: '征地拆迁进度滞后', ...input } }, token);
  expect(r.errors).toBeUndefined();
  return r.data.requestExtension;
}

/** A refusal that changes nothing: the answer's userErrors, and every workflow row as before. */
async function refused(query: string, input: Record<string, unknown>, token: string): Promise<{ code: string; field: string | null; message: string }[]> {
  const before = await w.snapshot();
  const r = await w.api.gql(query, { input }, token);
  expect(r.errors).toBeUndefined();
  const payload = Object.values(r.data)[0] as any;
  expect(payload.extensionRequest).toBeNull();
  expect(await w.snapshot()).toEqual(before);
  return payload.userErrors;
}

async function forbidden(query: string, input: Record<string, unknown>, token: string): Promise<string> {
  const before = await w.snapshot();
  const r = await w.api.gql(query, { input }, token);
  expect(r.errors).toHaveLength(1);
  expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
  expect(await w.snapshot()).toEqual(before);
  return (r.errors![0].extensions as any).rule;
}

async function badInput(query: string, input: Record<string, unknown>, token: string): Promise<string> {
  const before = await w.snapshot();
  const r = await w.api.gql(query, { input }, token);
  expect(r.errors).toHaveLength(1);
  expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  expect(JSON.stringify(r.errors)).not.toMatch(/at .*\.ts|node_modules/);
  expect(await w.snapshot()).toEqual(before);
  return r.errors![0].message;
}

describe('requestExtension (延期申请)', () => {
  it('a lead unit asks before the deadline: PENDING, the deadline unchanged until the office answers, audited', async () => {
    const task = await w.task2099(1);
    const answer = await ask(w.unit.token, { task, newDue: '2099-09-30', progress: '已完成项目立项' });
    expect(answer).toMatchObject({
      replayed: false,
      userErrors: [],
      extensionRequest: { state: 'PENDING', previousDue: '2099-06-30', requestedDue: '2099-09-30', approvedDue: null, reason: '征地拆迁进度滞后', progress: '已完成项目立项', comment: null, version: 1, decidedAt: null, unit: { name: '区经济信息委' } },
      task: { number: 1, due: { date: '2099-06-30', source: 'TEXT' } },
    });
    const [entry] = await w.api.db.dataSource.query(`SELECT action, decision, rule, before, after->>'state' AS state FROM audit_log WHERE reason = 'requestExtension'`);
    expect(entry).toEqual({ action: 'extension.request', decision: 'ALLOWED', rule: 'lead-unit-requests-extension', before: null, state: 'PENDING' });
    const seen = await w.api.gql(`query($id: ID!) { node(id: $id) { ... on Task { extensionRequests { id state } } } }`, { id: task }, w.reader.token);
    expect(seen.data.node.extensionRequests).toEqual([{ id: answer.extensionRequest.id, state: 'PENDING' }]);
  });

  it('refused by the policy: a co-unit, an office, an anonymous caller', async () => {
    const input = { task: await w.task2099(2), newDue: '2100-03-31', reason: '资金未到位' };
    expect(await forbidden(REQUEST, input, w.otherUnit.token)).toBe('lead-unit-requests-extension');
    expect(await forbidden(REQUEST, input, w.office.token)).toBe('lead-unit-requests-extension');
    expect((await w.api.gql(REQUEST, { input })).status).toBe(401);
    const audited = await w.api.db.dataSource.query(`SELECT decision, rule, target->>'unit' IS NOT NULL AS unit FROM audit_log WHERE action = 'extension.request' AND decision = 'REFUSED' ORDER BY id`);
    expect(audited).toEqual([
      { decision: 'REFUSED', rule: 'lead-unit-requests-extension', unit: true },
      { decision: 'REFUSED', rule: 'lead-unit-requests-extension', unit: false },
    ]);
  });

  it('an illegal transition: a second request while one is pending, or on a closed task', async () => {
    const errors = await refused(REQUEST, { task: await w.task2099(1), newDue: '2099-10-31', reason: '再次申请' }, w.unit.token);
    expect(errors).toEqual([
      {
        code: 'ILLEGAL_TRANSITION',
        field: 'task',
        message: expect.stringMatching(/^The ExtensionRequest is PENDING: request is possible only from \(new\)\. The task already has a pending request/),
      },
    ]);
  });

  it('an idempotency key sent again returns the first answer and writes nothing', async () => {
    const input = { task: await w.task2099(2), newDue: '2100-03-31', reason: '资金未到位', idempotencyKey: 'ext-2' };
    const first = await ask(w.unit.token, input);
    expect(first.userErrors).toEqual([]);
    const before = await w.snapshot();
    const again = await ask(w.unit.token, input);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await w.snapshot()).toEqual(before);
    const reused = await refused(REQUEST, { ...input, reason: '另一个理由' }, w.unit.token);
    expect(reused.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it.each([
    ['an empty reason', { reason: '  ' }, 'reason', 'The reason must not be empty.'],
    ['a reason over 2,000 characters', { reason: '延'.repeat(2001) }, 'reason', 'The reason is 2001 characters long; at most 2000 are kept.'],
    ['progress over 2,000 characters', { progress: '进'.repeat(2001) }, 'progress', 'The progress is 2001 characters long; at most 2000 are kept.'],
    ['a new date on the current deadline', { newDue: '2099-09-30' }, 'newDue', 'The new deadline 2099-09-30 must be after the current one, 2099-09-30.'],
    ['a new date before the current deadline', { newDue: '2099-01-31' }, 'newDue', 'The new deadline 2099-01-31 must be after the current one, 2099-09-30.'],
  ])('bad input: %s is INVALID', async (_label, over, field, message) => {
    const input = { task: await w.task2099(3), newDue: '2099-12-31', reason: '配套道路征地未完成', ...over };
    expect(await refused(REQUEST, input, w.otherUnit.token)).toEqual([{ code: 'INVALID', field, message }]);
  });

  it('bad input: a request after the deadline is INVALID, naming the deadline', async () => {
    const errors = await refused(REQUEST, { task: await w.pastTask(), newDue: '2099-12-31', reason: '逾期后申请' }, w.unit.token);
    expect(errors).toEqual([{ code: 'INVALID', field: 'task', message: expect.stringMatching(/^The task was due 2024-\d\d-\d\d: an extension must be asked for on or before the deadline \(today is \d{4}-\d\d-\d\d\)\.$/) }]);
  });

  it('bad input: a date that is not a calendar date, or a malformed task id, is BAD_USER_INPUT', async () => {
    const task = await w.task2099(3);
    expect(await badInput(REQUEST, { task, newDue: '2099-02-30', reason: '理由' }, w.otherUnit.token)).toMatch(/newDue/);
    expect(await badInput(REQUEST, { task, newDue: 'next year', reason: '理由' }, w.otherUnit.token)).toMatch(/newDue/);
    expect(await badInput(REQUEST, { task: toGlobalId('Unit', 1), newDue: '2099-12-31', reason: '理由' }, w.otherUnit.token)).toBe(
      `input.task must be the id of a Task (its \`id\` field); "${toGlobalId('Unit', 1)}" is not.`,
    );
  });
});

describe('approveExtension (延期审批: 同意)', () => {
  const pendingOf = async (n: number) => {
    const r = await w.api.gql(`query($id: ID!) { node(id: $id) { ... on Task { extensionRequests { id state version } } } }`, { id: await w.task2099(n) }, w.office.token);
    return r.data.node.extensionRequests.find((e: any) => e.state === 'PENDING');
  };

  it('refused by the policy: the unit itself, another district’s office', async () => {
    const request = (await pendingOf(1)).id;
    expect(await forbidden(APPROVE, { request }, w.unit.token)).toBe('admin-decides-extension');
    expect(await forbidden(APPROVE, { request }, w.otherOffice.token)).toBe('office-decides-extension');
  });

  it('a stale version is STALE_VERSION and changes nothing', async () => {
    const request = (await pendingOf(1)).id;
    expect(await refused(APPROVE, { request, expectedVersion: 7 }, w.office.token)).toEqual([
      { code: 'STALE_VERSION', field: 'expectedVersion', message: 'The extension request changed since you read it: it is at version 1, you sent 7. Read it again and retry.' },
    ]);
  });

  it.each([
    ['a date not after the current deadline', { due: '2099-06-30' }, 'due', 'The new deadline 2099-06-30 must be after the current one, 2099-06-30.'],
    ['a comment over 2,000 characters', { comment: '批'.repeat(2001) }, 'comment', 'The comment is 2001 characters long; at most 2000 are kept.'],
  ])('bad input: %s is INVALID', async (_label, over, field, message) => {
    const request = (await pendingOf(1)).id;
    expect(await refused(APPROVE, { request, ...over }, w.office.token)).toEqual([{ code: 'INVALID', field, message }]);
  });

  it('bad input: a malformed request id is BAD_USER_INPUT', async () => {
    expect(await badInput(APPROVE, { request: 'nonsense' }, w.office.token)).toBe('input.request must be the id of a ExtensionRequest (its `id` field); "nonsense" is not.');
  });

  it('the office approves at the requested date: the task’s due says EXTENSION, the stored facts and both risk twins read it', async () => {
    const { id: request, version } = await pendingOf(1);
    const task = await w.task2099(1);
    const answer = (await w.api.gql(APPROVE, { input: { request, expectedVersion: version, comment: '同意延期', idempotencyKey: 'approve-1' } }, w.office.token)).data.approveExtension;
    expect(answer).toMatchObject({
      replayed: false,
      userErrors: [],
      extensionRequest: { state: 'APPROVED', requestedDue: '2099-09-30', approvedDue: '2099-09-30', comment: '同意延期', version: 2, decidedAt: expect.any(String) },
      task: { number: 1, due: { date: '2099-09-30', source: 'EXTENSION' } },
    });
    const [entry] = await w.api.db.dataSource.query(`SELECT rule, before->>'state' AS before, after->>'state' AS after FROM audit_log WHERE reason = 'approveExtension'`);
    expect(entry).toEqual({ rule: 'office-decides-extension', before: 'PENDING', after: 'APPROVED' });
    expect(await w.api.db.dataSource.query(`SELECT to_char(extended_due_on, 'YYYY-MM-DD') AS d FROM task WHERE extended_due_on IS NOT NULL`)).toEqual([{ d: '2099-09-30' }]);
    // 2099-07-15 is past the text's 6月底前 but before the new date: not overdue, in JS (Task.risk) and SQL (the filter).
    const judged = await w.api.gql(`query($id: ID!) { node(id: $id) { ... on Task { risk(asOf: "2099-07-15") { level reasons { rule } } } } }`, { id: task });
    expect(judged.data.node.risk).toEqual({ level: 'UNKNOWN', reasons: [{ rule: 'NO_REPORT_YET' }] });
    const red = await w.api.gql(`{ tasks(where: { year: { eq: 2099 }, risk: { level: RED, asOf: "2099-07-15" } }) { nodes { number } } }`);
    expect(red.data.tasks.nodes).toEqual([]);
    const extended = await w.api.gql(`{ a: tasks(where: { due: { source: EXTENSION } }) { nodes { number } } b: tasks(where: { extended: true }) { totalCount } }`);
    expect(extended.data).toEqual({ a: { nodes: [{ number: 1 }] }, b: { totalCount: 1 } });
    expect((await w.api.gql(DUE, { id: task })).data.node.due).toEqual({ date: '2099-09-30', originalDate: '2099-06-30', source: 'EXTENSION', words: ['6月底前'] });
    // Replayed: the first answer, nothing written.
    const before = await w.snapshot();
    const again = (await w.api.gql(APPROVE, { input: { request, expectedVersion: version, comment: '同意延期', idempotencyKey: 'approve-1' } }, w.office.token)).data.approveExtension;
    expect(again).toEqual({ ...answer, replayed: true });
    expect(await w.snapshot()).toEqual(before);
  });

  it('an illegal transition: approving an approved request names its state', async () => {
    const [{ id }] = await w.api.db.dataSource.query(`SELECT id FROM extension_request WHERE state = 'APPROVED'`);
    expect(await refused(APPROVE, { request: toGlobalId('ExtensionRequest', id) }, w.office.token)).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'request', message: 'The ExtensionRequest is APPROVED: approve is possible only from PENDING.' },
    ]);
  });

  it('the office may fix another date than the one asked for; the next request starts from it', async () => {
    const task = await w.task2099(4);
    const asked = await ask(w.unit.token, { task, newDue: '2100-06-30' });
    const answer = (await w.api.gql(APPROVE, { input: { request: asked.extensionRequest.id, due: '2100-02-28' } }, w.admin.token)).data.approveExtension;
    expect(answer).toMatchObject({ userErrors: [], extensionRequest: { requestedDue: '2100-06-30', approvedDue: '2100-02-28' }, task: { due: { date: '2100-02-28', source: 'EXTENSION' } } });
    const errors = await refused(REQUEST, { task, newDue: '2100-01-31', reason: '再延' }, w.unit.token);
    expect(errors).toEqual([{ code: 'INVALID', field: 'newDue', message: 'The new deadline 2100-01-31 must be after the current one, 2100-02-28.' }]);
  });
});

describe('refuseExtension (不予同意)', () => {
  let request: string;
  beforeAll(async () => {
    request = (await ask(w.otherUnit.token, { task: await w.task2099(3), newDue: '2099-12-31', reason: '配套道路征地未完成' })).extensionRequest.id;
  });

  it('refused by the policy: the unit itself', async () => {
    expect(await forbidden(REFUSE, { request, comment: '不同意' }, w.otherUnit.token)).toBe('admin-decides-extension');
  });

  it.each([
    ['an empty comment', { comment: '' }, 'comment', 'The comment must not be empty.'],
    ['a comment over 2,000 characters', { comment: '否'.repeat(2001) }, 'comment', 'The comment is 2001 characters long; at most 2000 are kept.'],
  ])('bad input: %s is INVALID', async (_label, over, field, message) => {
    expect(await refused(REFUSE, { request, ...over }, w.office.token)).toEqual([{ code: 'INVALID', field, message }]);
  });

  it('a stale version is STALE_VERSION', async () => {
    expect((await refused(REFUSE, { request, comment: '不同意', expectedVersion: 0 }, w.office.token)).map((e) => e.code)).toEqual(['STALE_VERSION']);
  });

  it('the office refuses with a comment: REFUSED, the deadline stands; replayed once; refusing again is illegal', async () => {
    const input = { request, comment: '理由不充分，请按期完成', expectedVersion: 1, idempotencyKey: 'refuse-3' };
    const answer = (await w.api.gql(REFUSE, { input }, w.office.token)).data.refuseExtension;
    expect(answer).toMatchObject({ userErrors: [], extensionRequest: { state: 'REFUSED', approvedDue: null, comment: '理由不充分，请按期完成', version: 2 }, task: { due: { date: '2099-09-30', source: 'TEXT' } } });
    const before = await w.snapshot();
    expect((await w.api.gql(REFUSE, { input }, w.office.token)).data.refuseExtension).toEqual({ ...answer, replayed: true });
    expect(await w.snapshot()).toEqual(before);
    expect(await refused(REFUSE, { request, comment: '再次' }, w.office.token)).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'request', message: 'The ExtensionRequest is REFUSED: refuse is possible only from PENDING.' },
    ]);
  });
});

describe('withdrawExtension (撤回)', () => {
  it('only the lead unit withdraws; stale and illegal refused; replayed once', async () => {
    const request = (await w.api.db.dataSource.query(`SELECT id FROM extension_request WHERE state = 'PENDING' AND requested_due = '2100-03-31'`))[0].id;
    const id = toGlobalId('ExtensionRequest', request);
    expect(await forbidden(WITHDRAW, { request: id }, w.otherUnit.token)).toBe('lead-unit-requests-extension');
    expect(await forbidden(WITHDRAW, { request: id }, w.office.token)).toBe('lead-unit-requests-extension');
    expect((await refused(WITHDRAW, { request: id, expectedVersion: 3 }, w.unit.token)).map((e) => e.code)).toEqual(['STALE_VERSION']);
    expect((await refused(WITHDRAW, { request: id, comment: '撤'.repeat(2001) }, w.unit.token)).map((e) => e.code)).toEqual(['INVALID']);
    const input = { request: id, comment: '日期填错，重新申请', expectedVersion: 1, idempotencyKey: 'withdraw-2' };
    const answer = (await w.api.gql(WITHDRAW, { input }, w.unit.token)).data.withdrawExtension;
    expect(answer).toMatchObject({ userErrors: [], extensionRequest: { state: 'WITHDRAWN', version: 2 } });
    expect((await w.api.gql(WITHDRAW, { input }, w.unit.token)).data.withdrawExtension).toEqual({ ...answer, replayed: true });
    expect(await refused(WITHDRAW, { request: id }, w.unit.token)).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'request', message: 'The ExtensionRequest is WITHDRAWN: withdraw is possible only from PENDING.' },
    ]);
  });
});

describe('concurrency and unknown requests', () => {
  it('five requests for one task at once: one is PENDING, the others are illegal transitions', async () => {
    const task = await w.task2099(4);
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => w.api.gql(REQUEST, { input: { task, newDue: `2100-0${i + 3}-01`, reason: '同时申请' } }, w.unit.token)));
    const codes = answers.map((a) => a.data.requestExtension.userErrors.map((e: any) => e.code).join()).sort();
    expect(codes).toEqual(['', 'ILLEGAL_TRANSITION', 'ILLEGAL_TRANSITION', 'ILLEGAL_TRANSITION', 'ILLEGAL_TRANSITION']);
    const [{ n }] = await w.api.db.dataSource.query(`SELECT count(*)::int AS n FROM extension_request WHERE task_id = (SELECT id FROM task WHERE due_on = '2099-12-31' AND number = 4) AND state = 'PENDING'`);
    expect(n).toBe(1);
    // Withdrawn again so the counts below see only what they set up.
    const pending = answers.find((a) => !a.data.requestExtension.userErrors.length)!.data.requestExtension.extensionRequest.id;
    expect((await w.api.gql(WITHDRAW, { input: { request: pending } }, w.unit.token)).data.withdrawExtension.userErrors).toEqual([]);
  });

  it('a request that does not exist: NOT_FOUND for an administrator, FORBIDDEN for an office (it cannot tell whose it would be)', async () => {
    const request = toGlobalId('ExtensionRequest', 99999);
    expect(await refused(APPROVE, { request }, w.admin.token)).toEqual([{ code: 'NOT_FOUND', field: 'request', message: 'There is no extension request 99999.' }]);
    expect(await forbidden(APPROVE, { request }, w.office.token)).toBe('office-decides-extension');
  });
});

describe('the office’s list (extensionRequests) and counts (taskStats)', () => {
  it('lists requests by state, oldest first, countable; grouped per unit through TaskWhere.extensionPending', async () => {
    const task = await w.task2099(2);
    await ask(w.unit.token, { task, newDue: '2100-04-30', reason: '重新申请' });
    const list = await w.api.gql(`{ p: extensionRequests(where: { state: PENDING }) { totalCount nodes { requestedDue task { number } unit { name } } }
      all: extensionRequests(first: 2) { totalCount pageInfo { hasNextPage } nodes { state } } }`, {}, w.office.token);
    expect(list.errors).toBeUndefined();
    expect(list.data.p).toEqual({ totalCount: 1, nodes: [{ requestedDue: '2100-04-30', task: { number: 2 }, unit: { name: '区经济信息委' } }] });
    expect(list.data.all).toEqual({ totalCount: 6, pageInfo: { hasNextPage: true }, nodes: [{ state: 'APPROVED' }, { state: 'WITHDRAWN' }] });
    const stats = await w.api.gql(`{ taskStats(where: { extensionPending: true }, groupBy: [UNIT, ROLE]) { unitNode { name } role count } }`);
    expect(stats.data.taskStats).toEqual(
      expect.arrayContaining([
        { unitNode: { name: '区经济信息委' }, role: 'LEAD', count: 1 },
        { unitNode: { name: '区科技局' }, role: 'CO', count: 1 },
      ]),
    );
    const none = await w.api.gql(`{ tasks(where: { year: { eq: 2099 }, extensionPending: false }) { totalCount } }`);
    expect(none.data.tasks.totalCount).toBe(3);
  });

  it('extension requests are no public record: anonymous readers are refused, and node(id:) answers null', async () => {
    const refusedList = await w.api.gql(`{ extensionRequests { totalCount } }`);
    expect(refusedList.errors![0].extensions!.code).toBe('FORBIDDEN');
    const [{ id }] = await w.api.db.dataSource.query(`SELECT id FROM extension_request LIMIT 1`);
    const node = await w.api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('ExtensionRequest', id) });
    expect(node.data.node).toBeNull();
  });

  it('Task.extensionRequests is refused to anonymous readers as a field: not even how many requests a task has (by __typename)', async () => {
    const asked = await w.task2099(2);
    const never = await w.task2099(3);
    const query = `query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Task { number extensionRequests { __typename } } } b: node(id: $b) { ... on Task { number extensionRequests { __typename } } } }`;
    const anonymous = await w.api.gql(query, { a: asked, b: never });
    expect(anonymous.errors?.map((e) => [(e as any).path, e.extensions!.code, (e.extensions as any).action]).sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
      [['a', 'extensionRequests'], 'FORBIDDEN', 'extension.read'],
      [['b', 'extensionRequests'], 'FORBIDDEN', 'extension.read'],
    ]);
    expect(anonymous.data).toEqual({ a: null, b: null });
    const reader = await w.api.gql(query, { a: asked, b: never }, w.reader.token);
    expect(reader.errors).toBeUndefined();
    expect(reader.data.a.extensionRequests.length).toBeGreaterThan(0);
    expect(reader.data.b.number).toBe(3);
  });
});

describe('withdrawExtension on a task with two lead units', () => {
  it('a lead unit withdraws only its own request: another lead unit of the task is refused by the policy', async () => {
    const ds = w.api.db.dataSource;
    const [task] = await ds.query(
      `SELECT a.task_id, array_agg(u.name ORDER BY a.position) AS units, array_agg(u.id ORDER BY a.position) AS ids FROM assignment a JOIN unit u ON u.id = a.unit_id
       WHERE a.role = 'LEAD' GROUP BY a.task_id HAVING count(*) = 2 ORDER BY a.task_id LIMIT 1`,
    );
    expect(task).toBeDefined();
    const asker = await makeKey(ds, AccountRole.UNIT, { unit: task.units[0] });
    const otherLead = await makeKey(ds, AccountRole.UNIT, { unit: task.units[1] });
    // Asked while the deadline was ahead (the seeds' deadlines are past now, so written as the mutation would have).
    const [{ id }] = await ds.query(
      `INSERT INTO extension_request (task_id, unit_id, requested_by, state, previous_due, requested_due, reason) VALUES ($1, $2, $3, 'PENDING', '2024-06-30', '2024-09-30', '资金未到位') RETURNING id`,
      [task.task_id, task.ids[0], asker.accountId],
    );
    const request = toGlobalId('ExtensionRequest', id);
    expect(await forbidden(WITHDRAW, { request }, otherLead.token)).toBe('lead-unit-requests-extension');
    const own = (await w.api.gql(WITHDRAW, { input: { request } }, asker.token)).data.withdrawExtension;
    expect(own).toMatchObject({ userErrors: [], extensionRequest: { state: 'WITHDRAWN' } });
  });
});
