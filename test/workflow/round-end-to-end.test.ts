import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { DEFAULT_AUTH } from '../../src/auth/auth-settings';
import { createDataSource } from '../../src/db/data-source';
import { createApp } from '../../src/server/app';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { AccountRole, makeKey } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 17's "done when": one reporting round of the 2024 plan, played through
 * the HTTP API only. The database starts empty (no seeds): the office brings
 * the plan in itself, as a Word file. The one step outside HTTP is the first
 * administrator's key, made as `npm run keys -- create` makes it on the
 * server's shell. The workflow's date is fixed at 2024-03-20 (DUBAN_TODAY's
 * connection setting), in the middle of the first quarter, so deadlines are
 * still ahead as they were for the office that year.
 */
const PLAN_DOCX = path.join(__dirname, '../fixtures/formats/plan-2024.docx');
const TODAY = '2024-03-20';

describe('one reporting round of the 2024 plan, over HTTP only', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let server: http.Server;
  let stopApollo: () => Promise<void>;
  let origin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The server's own pool, configured as main.ts configures it from DUBAN_TODAY.
    dataSource = createDataSource(db.url, { today: TODAY });
    await dataSource.initialize();
    const { app, apollo } = await createApp({ dataSource, log: () => undefined, limits: DEFAULT_LIMITS, auth: { ...DEFAULT_AUTH, keyRequestsPerMinute: 0, anonymousRequestsPerMinute: 0 } });
    stopApollo = () => apollo.stop();
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stopApollo();
    await dataSource.destroy();
    await db.drop();
  });

  async function gql<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(`${response.status} ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  /** A mutation that must do its work: its payload, userErrors asserted empty. */
  async function ok(token: string, field: string, document: string, input: Record<string, unknown>): Promise<any> {
    const data = await gql(token, document, { input });
    expect({ field, userErrors: data[field].userErrors }).toEqual({ field, userErrors: [] });
    return data[field];
  }

  const ERRORS = 'userErrors { field message code }';
  const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { ${ERRORS} account { id } } }`;
  const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ${ERRORS} token } }`;
  const IMPORT = `mutation($input: ImportUploadInput!) { importUpload(input: $input) { ${ERRORS} document { id title kind } } }`;
  const OPEN_ROUND = `mutation($input: OpenRoundInput!) { openRound(input: $input) { ${ERRORS} round { id period dueOn state } } }`;
  const SUBMIT = `mutation($input: SubmitProgressInput!) { submitProgress(input: $input) { ${ERRORS} report { id state status version } } }`;
  const ACCEPT = `mutation($input: AcceptReportInput!) { acceptReport(input: $input) { ${ERRORS} report { id state version } } }`;
  const RETURN = `mutation($input: ReturnReportInput!) { returnReport(input: $input) { ${ERRORS} report { id state version reviewComment } } }`;
  const REQUEST = `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { ${ERRORS} extensionRequest { id state version requestedDue } } }`;
  const APPROVE = `mutation($input: ApproveExtensionInput!) { approveExtension(input: $input) { ${ERRORS} extensionRequest { id state approvedDue } } }`;
  const CLOSE = `mutation($input: CloseTaskInput!) { closeTask(input: $input) { ${ERRORS} task { id closure { state reason } } } }`;

  async function unitKey(admin: string, unitId: string, name: string): Promise<string> {
    const created = await ok(admin, 'createAccount', CREATE_ACCOUNT, { name, role: 'UNIT', unit: unitId });
    return (await ok(admin, 'createApiKey', CREATE_KEY, { account: created.account.id })).token;
  }

  async function upload(token: string, bytes: Buffer, query = ''): Promise<Response> {
    return fetch(`${origin}/documents${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-filename': 'plan-2024.docx' },
      body: new Uint8Array(bytes),
    });
  }

  it('upload, round, reports (one returned and resubmitted), extension, closing: lights, missing tasks, statistics and the audit trail agree', async () => {
    const admin = (await makeKey(dataSource, AccountRole.ADMIN, { name: '系统管理员' })).token;

    // 1. The administrator gives the supervision office (督查办) an account and a key.
    const office = await ok(admin, 'createAccount', CREATE_ACCOUNT, { name: '区政府督查办', role: 'OFFICE' });
    const officeKey: string = (await ok(admin, 'createApiKey', CREATE_KEY, { account: office.account.id })).token;

    // 2. The office uploads the plan: a preview, then the import confirmed by the content hash.
    const bytes = readFileSync(PLAN_DOCX);
    const preview = await upload(officeKey, bytes, '?dryRun=true');
    expect(preview.status).toBe(200);
    const previewed = await preview.json();
    expect(previewed.upload).toMatchObject({ size: bytes.length, filename: 'plan-2024.docx', format: 'docx' });
    const imported = await ok(officeKey, 'importUpload', IMPORT, { hash: previewed.upload.hash });
    expect(imported.document).toMatchObject({ kind: 'PLAN' });

    // The tasks and their lead units, as the office's screen would list them.
    expect((await gql(officeKey, `{ tasks(where: { year: { eq: 2024 } }) { totalCount } }`)).tasks.totalCount).toBe(144);
    const { tasks } = await gql(
      officeKey,
      `{ tasks(where: { year: { eq: 2024 }, leadUnits: { some: { name: { in: ["区经济信息委", "区发展改革委"] } } } }, first: 100) { nodes { id plan { id } due { date } leadUnits { id name } } } }`,
    );
    const led = (unit: string) => tasks.nodes.filter((t: any) => t.leadUnits.length === 1 && t.leadUnits[0].name === unit);
    const [t1, t3] = led('区经济信息委');
    const [t2, t4] = led('区发展改革委');
    expect([t1, t2, t3, t4].every(Boolean)).toBe(true);
    expect(t3.due.date > TODAY).toBe(true);
    const plan = t1.plan.id;
    const econ = await unitKey(admin, t1.leadUnits[0].id, '区经济信息委联络员');
    const dev = await unitKey(admin, t2.leadUnits[0].id, '区发展改革委联络员');

    // 3. The office opens the first-quarter round.
    const { round } = await ok(officeKey, 'openRound', OPEN_ROUND, { plan, period: '2024-Q1', opensOn: '2024-03-15', dueOn: '2024-04-05', idempotencyKey: 'round-2024-q1' });
    expect(round).toMatchObject({ period: '2024-Q1', dueOn: '2024-04-05', state: 'OPEN' });

    // 4. Two units report. 区发展改革委's first report is returned (退回) and resubmitted.
    const r1 = (await ok(econ, 'submitProgress', SUBMIT, { round: round.id, task: t1.id, text: '一季度已全部完成年度目标任务。' })).report;
    expect(r1).toMatchObject({ state: 'SUBMITTED', status: 'COMPLETED' });
    const r2 = (await ok(dev, 'submitProgress', SUBMIT, { round: round.id, task: t2.id, text: '正在推进。' })).report;
    const returned = (await ok(officeKey, 'returnReport', RETURN, { report: r2.id, comment: '请补充一季度地区生产总值增速及主要举措。', expectedVersion: r2.version })).report;
    expect(returned).toMatchObject({ state: 'RETURNED', reviewComment: '请补充一季度地区生产总值增速及主要举措。' });
    const resubmitted = (await ok(dev, 'submitProgress', SUBMIT, { round: round.id, task: t2.id, text: '一季度地区生产总值同比增长6.2%，完成全年进度的25%，正在推进重大项目落地。', expectedVersion: returned.version })).report;
    expect(resubmitted.state).toBe('SUBMITTED');
    await ok(officeKey, 'acceptReport', ACCEPT, { report: r1.id, expectedVersion: r1.version });
    await ok(officeKey, 'acceptReport', ACCEPT, { report: resubmitted.id, comment: '同意。', expectedVersion: resubmitted.version });

    // 5. 区经济信息委 asks for more time on another task (延期申请); the office approves.
    const request = (await ok(econ, 'requestExtension', REQUEST, { task: t3.id, newDue: '2025-03-31', reason: '受项目审批进度影响，需延期至2025年一季度完成。', progress: '已完成前期手续。' })).extensionRequest;
    expect(request).toMatchObject({ state: 'PENDING', requestedDue: '2025-03-31' });
    const approved = (await ok(officeKey, 'approveExtension', APPROVE, { request: request.id, comment: '同意延期。', expectedVersion: request.version })).extensionRequest;
    expect(approved).toMatchObject({ state: 'APPROVED', approvedDue: '2025-03-31' });

    // 6. The office closes a task (办结).
    const closed = (await ok(officeKey, 'closeTask', CLOSE, { task: t4.id, reason: '经核查，已完成全年目标，予以销号。' })).task;
    expect(closed.closure).toEqual({ state: 'CLOSED', reason: '经核查，已完成全年目标，予以销号。' });

    // What the office, the lights and the statistics see now.
    const seen = await gql(officeKey, `query($ids: [ID!]!, $round: ID!) {
      nodes(ids: $ids) { ... on Task { id latestProgress { period status } due { date source } risk { level asOf reasons { rule } } } }
      round: node(id: $round) { ... on Round { counts { tasks notReported submitted returned accepted overdue } missingTasks { id } } }
      owed: tasks(where: { roundReport: { round: $round, state: { in: [NOT_REPORTED, DRAFT, RETURNED] } } }) { totalCount }
      byUnit: taskStats(where: { year: { eq: 2024 }, roundReport: { round: $round, state: { eq: ACCEPTED } } }, groupBy: [UNIT, ROLE]) { unitNode { name } role count completed }
      closedCount: taskStats(where: { closed: true }, groupBy: []) { count }
    }`, { ids: [t1.id, t2.id, t3.id, t4.id], round: round.id });
    const [s1, s2, s3, s4] = seen.nodes;
    expect(s1.latestProgress).toEqual({ period: '2024-Q1', status: 'COMPLETED' });
    // The lights judge at the plan's newest report by default: the round, dated by its deadline (README "Supervision workflow").
    expect(s1.risk).toEqual({ level: 'GREEN', asOf: '2024-04-05', reasons: [{ rule: 'COMPLETED' }] });
    expect(s2.latestProgress).toEqual({ period: '2024-Q1', status: 'IN_PROGRESS' });
    expect(s3.due).toEqual({ date: '2025-03-31', source: 'EXTENSION' });
    expect(s3.risk.reasons.map((r: any) => r.rule)).not.toContain('OVERDUE');
    expect(s4.risk).toEqual({ level: 'GREEN', asOf: '2024-04-05', reasons: [{ rule: 'CLOSED' }] });
    // 144 tasks; two accepted; the closed one owes nothing.
    expect(seen.round.counts).toMatchObject({ tasks: 144, accepted: 2, submitted: 0, returned: 0, overdue: 0 });
    expect(seen.round.missingTasks).toHaveLength(141);
    expect(seen.round.missingTasks.map((t: any) => t.id)).not.toEqual(expect.arrayContaining([t1.id]));
    expect(seen.round.missingTasks.map((t: any) => t.id)).not.toContain(t4.id);
    expect(seen.owed.totalCount).toBe(142);
    expect(seen.byUnit.filter((s: any) => s.role === 'LEAD')).toEqual([
      { unitNode: { name: '区发展改革委' }, role: 'LEAD', count: 1, completed: 0 },
      { unitNode: { name: '区经济信息委' }, role: 'LEAD', count: 1, completed: 1 },
    ]);
    expect(seen.closedCount).toEqual([{ count: 1 }]);

    // The audit trail has every step, in order, each by its own actor.
    const { auditLog } = await gql(officeKey, `{ auditLog(first: 100, where: { decision: ALLOWED }) { edges { node { actor action reason } } } }`);
    const steps = auditLog.edges.map((e: any) => `${e.node.actor} ${e.node.reason}`).reverse();
    expect(steps.filter((s: string) => !/createAccount|createApiKey/.test(s))).toEqual([
      '区政府督查办 uploaded plan-2024.docx',
      '区政府督查办 importUpload',
      '区政府督查办 openRound',
      '区经济信息委联络员 submitProgress',
      '区发展改革委联络员 submitProgress',
      '区政府督查办 returnReport',
      '区发展改革委联络员 submitProgress',
      '区政府督查办 acceptReport',
      '区政府督查办 acceptReport',
      '区经济信息委联络员 requestExtension',
      '区政府督查办 approveExtension',
      '区政府督查办 closeTask',
    ]);

    // 7. The same plan again is refused as already imported, and nothing changes.
    const again = await upload(officeKey, bytes);
    expect(again.status).toBe(200);
    const refused = await gql(officeKey, IMPORT, { input: { hash: (await again.json()).upload.hash } });
    expect(refused.importUpload.userErrors).toEqual([{ field: 'hash', code: 'ALREADY_DONE', message: expect.stringContaining('already imported') }]);
    expect((await gql(officeKey, `{ tasks(where: { year: { eq: 2024 } }) { totalCount } }`)).tasks.totalCount).toBe(144);
  });
});
