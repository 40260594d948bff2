import 'reflect-metadata';
import { toGlobalId } from '../../src/graphql/global-id';
import { MAX_REPORT_TEXT } from '../../src/round/report-limits';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import path from 'node:path';
import { startApiServer, type ApiServer } from '../support/api-server';
import { ACCEPT, CONTRIBUTE, OPEN, RETURN, SAVE, SUBMIT, workflowSnapshot } from './support';

/**
 * The supervision workflow's mutations (README "Supervision workflow"): for each, allowed, refused by the
 * policy, an illegal transition, a stale version, an idempotent replay and bad input, with the data unchanged
 * by every refusal.
 */
describe('reporting rounds: the workflow mutations', () => {
  let api: ApiServer;
  let admin: TestKey, office: TestKey, otherOffice: TestKey, lead: TestKey, co: TestKey, reader: TestKey;
  let plan2024: string, task: string, task2: string, taskId: number;
  let round: string;

  beforeAll(async () => {
    // 渝中区's plan, so that an office of another district exists to be refused.
    api = await startApiServer({ alsoImport: [path.join(__dirname, '..', 'fixtures', 'formats', 'yuzhong-plan-prose.txt')] });
    const ds = api.db.dataSource;
    admin = await makeKey(ds, AccountRole.ADMIN, { name: '系统管理员' });
    office = await makeKey(ds, AccountRole.OFFICE, { name: '督查办', jurisdiction: '重庆市沙坪坝区' });
    otherOffice = await makeKey(ds, AccountRole.OFFICE, { name: '渝中区督查办', jurisdiction: '重庆市渝中区' });
    lead = await makeKey(ds, AccountRole.UNIT, { unit: '区经济信息委' });
    co = await makeKey(ds, AccountRole.UNIT, { unit: '区科技局' });
    reader = await makeKey(ds, AccountRole.READER, { name: '大屏' });
    const [plan] = await ds.query(`SELECT p.id FROM plan p JOIN jurisdiction j ON j.id = p.jurisdiction_id WHERE p.year = 2024 AND j.name = '重庆市沙坪坝区'`);
    plan2024 = toGlobalId('Plan', plan.id);
    // Key tasks of 2024 that 区经济信息委 leads and 区科技局 co-operates on.
    const rows = await ds.query(
      `SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id
       WHERE p.year = 2024 AND t.section = 'KEY_TASK'
         AND EXISTS (SELECT 1 FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.task_id = t.id AND a.role = 'LEAD' AND u.name = '区经济信息委')
         AND EXISTS (SELECT 1 FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.task_id = t.id AND a.role = 'CO' AND u.name = '区科技局')
       ORDER BY t.number LIMIT 2`,
    );
    taskId = rows[0].id;
    task = toGlobalId('Task', rows[0].id);
    task2 = toGlobalId('Task', rows[1].id);
  });
  afterAll(() => api.stop());

  const snapshot = () => workflowSnapshot(api.db.dataSource);
  const audit = (action: string) =>
    api.db.dataSource.query(`SELECT decision, rule, reason, before, after FROM audit_log WHERE action = $1 ORDER BY id`, [action]);

  describe('openRound', () => {
    it('the office opens a round of its plan for a period named as the documents name it; audited with its after', async () => {
      const answer = await api.gql(OPEN, { input: { plan: plan2024, period: '一季度', opensOn: '2024-03-25', dueOn: '2027-04-05', idempotencyKey: 'open-q1' } }, office.token);
      expect(answer.data.openRound).toMatchObject({
        replayed: false,
        userErrors: [],
        round: { period: '2024-Q1', opensOn: '2024-03-25', dueOn: '2027-04-05', state: 'OPEN', version: 1, plan: { year: 2024 } },
      });
      round = answer.data.openRound.round.id;
      const [entry] = await audit('round.open');
      expect(entry).toMatchObject({ decision: 'ALLOWED', rule: 'office-opens-rounds', reason: 'openRound', before: null, after: { period: '2024-Q1', state: 'OPEN' } });
    });

    it('an idempotent replay answers the first round and opens nothing', async () => {
      const before = await snapshot();
      const replay = await api.gql(OPEN, { input: { plan: plan2024, period: '一季度', opensOn: '2024-03-25', dueOn: '2027-04-05', idempotencyKey: 'open-q1' } }, office.token);
      expect(replay.data.openRound).toMatchObject({ replayed: true, userErrors: [], round: { id: round } });
      expect(await snapshot()).toEqual(before);
    });

    it('a unit may not open a round: FORBIDDEN naming the action and rule, nothing written', async () => {
      const before = await snapshot();
      const refused = await api.gql(OPEN, { input: { plan: plan2024, period: '2024-Q2', dueOn: '2027-07-05' } }, lead.token);
      expect(refused.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN', action: 'round.open' } });
      expect(refused.data).toBeNull();
      expect(await snapshot()).toEqual(before);
    });

    it('an office of another district may not open this district’s round: FORBIDDEN, nothing written', async () => {
      const before = await snapshot();
      const refused = await api.gql(OPEN, { input: { plan: plan2024, period: '2024-Q2', dueOn: '2027-07-05' } }, otherOffice.token);
      expect(refused.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN', action: 'round.open', rule: 'office-opens-rounds' } });
      expect(await snapshot()).toEqual(before);
    });

    it('a second round of the same period is an illegal transition naming the state and the action', async () => {
      const before = await snapshot();
      const again = await api.gql(OPEN, { input: { plan: plan2024, period: '2024-Q1', dueOn: '2027-04-05' } }, admin.token);
      expect(again.data.openRound).toEqual({
        replayed: false,
        userErrors: [{ field: 'period', code: 'ILLEGAL_TRANSITION', message: 'The Round is OPEN: open is possible only from (new).' }],
        round: null,
      });
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['a period the plan does not have', { period: '2024-Q5' }, 'period', 'The 2024 plan has no period “2024-Q5”: use 2024-Q1 … 2024-Q4 (一季度, 上半年, 前三季度, 全年).'],
      ['another year’s period', { period: '2023-Q1' }, 'period', 'The 2024 plan has no period “2023-Q1”: use 2024-Q1 … 2024-Q4 (一季度, 上半年, 前三季度, 全年).'],
      ['a due date before the opening', { period: '2024-Q3', opensOn: '2024-10-01', dueOn: '2024-09-30' }, 'dueOn', 'dueOn 2024-09-30 is before the round opens (2024-10-01).'],
    ])('bad input — %s — is INVALID naming the field, nothing written', async (_what, change, field, message) => {
      const before = await snapshot();
      const answer = await api.gql(OPEN, { input: { plan: plan2024, dueOn: '2027-07-05', ...change } }, office.token);
      expect(answer.data.openRound).toEqual({ replayed: false, userErrors: [{ field, code: 'INVALID', message }], round: null });
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['an impossible date', { plan: '', dueOn: '2024-02-30' }],
      ['a malformed plan id', { plan: 'not-an-id', dueOn: '2027-07-05' }],
    ])('bad input — %s — is BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async (_what, change) => {
      const before = await snapshot();
      const answer = await api.gql(OPEN, { input: { plan: change.plan || plan2024, period: '2024-Q2', dueOn: change.dueOn } }, office.token);
      expect(answer.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(answer)).not.toMatch(/at .*\.ts:\d+/);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('saveProgressDraft and submitProgress', () => {
    it('the lead unit saves a draft: status and percent derived by the import’s rules, with their reasons', async () => {
      const answer = await api.gql(SAVE, { input: { round, task, text: '一季度已完成年度任务的25%，正在推进二期建设。', attachment: '沙经信〔2024〕12号' } }, lead.token);
      expect(answer.data.saveProgressDraft).toMatchObject({
        replayed: false,
        userErrors: [],
        report: {
          state: 'DRAFT',
          version: 1,
          percent: 25,
          percentReason: 'states “已完成年度任务的25%”',
          status: 'IN_PROGRESS',
          derived: { status: 'IN_PROGRESS', percent: 25 },
          corrections: [],
          attachment: '沙经信〔2024〕12号',
          submittedAt: null,
          unit: { name: '区经济信息委' },
        },
      });
      expect(answer.data.saveProgressDraft.report.statusReason).toBe(answer.data.saveProgressDraft.report.derived.statusReason);
    });

    it('a draft is edited with its version; a stale version is STALE_VERSION and changes nothing', async () => {
      const edited = await api.gql(SAVE, { input: { round, task, text: '一季度已完成年度任务的30%。', expectedVersion: 1 } }, lead.token);
      expect(edited.data.saveProgressDraft.report).toMatchObject({ state: 'DRAFT', version: 2, percent: 30, attachment: '沙经信〔2024〕12号' });
      const before = await snapshot();
      const stale = await api.gql(SAVE, { input: { round, task, text: '旧版本上的修改', expectedVersion: 1 } }, lead.token);
      expect(stale.data.saveProgressDraft).toEqual({
        replayed: false,
        userErrors: [{ field: 'expectedVersion', code: 'STALE_VERSION', message: 'The progress report changed since you read it: it is at version 2, you sent 1. Read it again and retry.' }],
        report: null,
      });
      expect(await snapshot()).toEqual(before);
    });

    it('a co-unit, an office and a reader may not write the lead unit’s report: FORBIDDEN, audited, nothing written', async () => {
      const before = await snapshot();
      for (const key of [co, office, reader]) {
        const refused = await api.gql(SAVE, { input: { round, task, text: '越权填报' } }, key.token);
        expect(refused.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN', action: 'report.submit', rule: 'lead-unit-reports' } });
      }
      expect(await snapshot()).toEqual(before);
      expect((await audit('report.submit')).filter((e: { decision: string }) => e.decision === 'REFUSED')).toHaveLength(3);
    });

    it.each([
      ['empty text', { text: '  　 ' }, 'text', 'The progress text is empty: say what was done (进展情况).'],
      ['text over the documented size', { text: '推'.repeat(MAX_REPORT_TEXT + 1) }, 'text', `The progress text is ${MAX_REPORT_TEXT + 1} characters; at most ${MAX_REPORT_TEXT} are accepted.`],
      ['a percent over 100', { text: '已完成', percent: 101 }, 'percent', 'percent must be 0 to 100, got 101.'],
      ['an attachment reference of 501 characters', { text: '已完成', attachment: 'x'.repeat(501) }, 'attachment', 'The attachment reference is longer than 500 characters.'],
    ])('bad input — %s — is INVALID naming the field, nothing written', async (_what, change, field, message) => {
      const before = await snapshot();
      const answer = await api.gql(SAVE, { input: { round, task, ...change } }, lead.token);
      expect(answer.data.saveProgressDraft).toEqual({ replayed: false, userErrors: [{ field, code: 'INVALID', message }], report: null });
      expect(await snapshot()).toEqual(before);
    });

    it('a round not open yet, and a task of another plan, are INVALID naming the field; nothing written', async () => {
      const later = await api.gql(OPEN, { input: { plan: plan2024, period: '全年', opensOn: '2099-01-01', dueOn: '2099-01-31' } }, office.token);
      const q4 = later.data.openRound.round.id;
      const [old] = await api.db.dataSource.query(
        `SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id JOIN assignment a ON a.task_id = t.id AND a.role = 'LEAD' JOIN unit u ON u.id = a.unit_id
         WHERE p.year = 2021 AND u.name = '区经济信息委' ORDER BY t.id LIMIT 1`,
      );
      const before = await snapshot();
      const early = await api.gql(SUBMIT, { input: { round: q4, task, text: '提前报送' } }, lead.token);
      expect(early.data.submitProgress.userErrors).toEqual([{ field: 'round', code: 'INVALID', message: 'Round 2024-Q4 opens on 2099-01-01.' }]);
      const elsewhere = await api.gql(SAVE, { input: { round, task: toGlobalId('Task', old.id), text: '错报到别的计划' } }, lead.token);
      expect(elsewhere.data.saveProgressDraft.userErrors).toEqual([{ field: 'task', code: 'INVALID', message: 'The task is not in the plan of round 2024-Q1.' }]);
      expect(await snapshot()).toEqual(before);
    });

    it('a malformed round id is BAD_USER_INPUT naming the field', async () => {
      const answer = await api.gql(SAVE, { input: { round: toGlobalId('Task', 1), task, text: '已完成' } }, lead.token);
      expect(answer.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(answer.errors![0].message).toMatch(/^input\.round must be the id of a Round/);
    });

    it('submitting without a text submits the draft as saved; the report is then locked', async () => {
      const submitted = await api.gql(SUBMIT, { input: { round, task, expectedVersion: 2, idempotencyKey: 'submit-1' } }, lead.token);
      expect(submitted.data.submitProgress).toMatchObject({ replayed: false, userErrors: [], report: { state: 'SUBMITTED', version: 3, text: '一季度已完成年度任务的30%。' } });
      expect(submitted.data.submitProgress.report.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const before = await snapshot();
      const replay = await api.gql(SUBMIT, { input: { round, task, expectedVersion: 2, idempotencyKey: 'submit-1' } }, lead.token);
      expect(replay.data.submitProgress).toMatchObject({ replayed: true, userErrors: [], report: { state: 'SUBMITTED', version: 3 } });
      const edit = await api.gql(SAVE, { input: { round, task, text: '报送后再改' } }, lead.token);
      expect(edit.data.saveProgressDraft.userErrors).toEqual([
        { field: 'task', code: 'ILLEGAL_TRANSITION', message: 'The ProgressReport is SUBMITTED: save is possible only from (new), DRAFT, RETURNED.' },
      ]);
      const again = await api.gql(SUBMIT, { input: { round, task, text: '重复报送' } }, lead.token);
      expect(again.data.submitProgress.userErrors).toEqual([
        { field: 'task', code: 'ILLEGAL_TRANSITION', message: 'The ProgressReport is SUBMITTED: submit is possible only from (new), DRAFT, RETURNED.' },
      ]);
      expect(await snapshot()).toEqual(before);
      const entries = await audit('report.submit');
      const last = entries.filter((e: { decision: string }) => e.decision === 'ALLOWED').at(-1);
      expect(last).toMatchObject({ reason: 'submitProgress', before: { state: 'DRAFT', version: 2 }, after: { state: 'SUBMITTED', version: 3 } });
    });

    it('submitting with no draft writes and submits at once; a stated status and percent are the unit’s correction, kept beside the derived ones', async () => {
      const answer = await api.gql(SUBMIT, { input: { round, task: task2, text: '已完成方案设计，拟于二季度开工。', status: 'NOT_STARTED', percent: 5 } }, lead.token);
      const report = answer.data.submitProgress.report;
      expect(report).toMatchObject({ state: 'SUBMITTED', version: 1, status: 'NOT_STARTED', percent: 5, derived: { percent: null, percentReason: null } });
      expect(report.derived.status).not.toBe('NOT_STARTED');
      expect(report.statusReason).toBe(`stated by the unit (the rules read ${report.derived.status}: ${report.derived.statusReason})`);
      expect(report.percentReason).toBe('stated by the unit (the rules read no percent in the text)');
      expect(report.corrections).toEqual([
        { field: 'status', derived: report.derived.status, corrected: 'NOT_STARTED' },
        { field: 'percent', derived: null, corrected: '5' },
      ]);
    });

    it('a submission with no text and no draft is INVALID: there is nothing to submit', async () => {
      const [other] = await api.db.dataSource.query(
        `SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id JOIN assignment a ON a.task_id = t.id JOIN unit u ON u.id = a.unit_id
         WHERE p.year = 2024 AND a.role = 'LEAD' AND u.name = '区经济信息委' AND t.id NOT IN ($1) ORDER BY t.id DESC LIMIT 1`,
        [taskId],
      );
      const before = await snapshot();
      const answer = await api.gql(SUBMIT, { input: { round, task: toGlobalId('Task', other.id) } }, lead.token);
      expect(answer.data.submitProgress.userErrors).toEqual([{ field: 'text', code: 'INVALID', message: 'The progress text is empty: say what was done (进展情况).' }]);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('contributeProgress', () => {
    it('a co-unit adds its part; sending again replaces it; the lead unit sees it on the report and in its starting text', async () => {
      const first = await api.gql(CONTRIBUTE, { input: { round, task, text: '配合完成技术攻关项目申报。' } }, co.token);
      expect(first.data.contributeProgress).toEqual({ replayed: false, userErrors: [], contributions: [{ unit: { name: '区科技局' }, text: '配合完成技术攻关项目申报。' }] });
      const second = await api.gql(CONTRIBUTE, { input: { round, task, text: '配合完成3个技术攻关项目申报。', idempotencyKey: 'c-1' } }, co.token);
      expect(second.data.contributeProgress.contributions).toEqual([{ unit: { name: '区科技局' }, text: '配合完成3个技术攻关项目申报。' }]);
      const before = await snapshot();
      const replay = await api.gql(CONTRIBUTE, { input: { round, task, text: '配合完成3个技术攻关项目申报。', idempotencyKey: 'c-1' } }, co.token);
      expect(replay.data.contributeProgress.replayed).toBe(true);
      expect(await snapshot()).toEqual(before);
      const seen = await api.gql(`query($id: ID!, $task: ID!) { round(id: $id) { startingText(task: $task) reports { task { number } contributions { unit { name } text } } } }`, { id: round, task }, lead.token);
      expect(seen.data.round.startingText).toBe('【区科技局】配合完成3个技术攻关项目申报。');
      expect(seen.data.round.reports[0].contributions).toEqual([{ unit: { name: '区科技局' }, text: '配合完成3个技术攻关项目申报。' }]);
    });

    it('the lead unit is no co-unit of its task: FORBIDDEN; empty text is INVALID; nothing written', async () => {
      const before = await snapshot();
      const refused = await api.gql(CONTRIBUTE, { input: { round, task, text: '牵头单位冒充' } }, lead.token);
      expect(refused.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN', action: 'report.contribute', rule: 'co-unit-contributes' } });
      const empty = await api.gql(CONTRIBUTE, { input: { round, task, text: '' } }, co.token);
      expect(empty.data.contributeProgress.userErrors).toEqual([{ field: 'text', code: 'INVALID', message: 'The progress text is empty: say what was done (进展情况).' }]);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('returnReport and acceptReport', () => {
    let report: string;
    beforeAll(async () => {
      const r = await api.gql(`query($id: ID!) { round(id: $id) { reports(states: [SUBMITTED]) { id version task { id } } } }`, { id: round }, office.token);
      report = r.data.round.reports.find((x: { task: { id: string } }) => x.task.id === task).id;
    });

    it('the lead unit may not review its own report: FORBIDDEN, nothing written', async () => {
      const before = await snapshot();
      for (const [doc, input] of [[ACCEPT, { report }], [RETURN, { report, comment: '自己退回' }]] as const) {
        const refused = await api.gql(doc, { input }, lead.token);
        expect(refused.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN', action: 'report.review', rule: 'admin-reviews' } });
      }
      expect(await snapshot()).toEqual(before);
    });

    it('an office of another district may not review it: FORBIDDEN, nothing written', async () => {
      const before = await snapshot();
      const refused = await api.gql(ACCEPT, { input: { report } }, otherOffice.token);
      expect(refused.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN', action: 'report.review', rule: 'office-reviews' } });
      expect(await snapshot()).toEqual(before);
    });

    it('returning needs a reason; a stale version is STALE_VERSION; neither changes anything', async () => {
      const before = await snapshot();
      const noReason = await api.gql(RETURN, { input: { report, comment: ' ' } }, office.token);
      expect(noReason.data.returnReport.userErrors).toEqual([{ field: 'comment', code: 'INVALID', message: 'Say why the report goes back (退回原因): the comment is empty.' }]);
      const tooLong = await api.gql(ACCEPT, { input: { report, comment: '好'.repeat(2001) } }, office.token);
      expect(tooLong.data.acceptReport.userErrors).toEqual([{ field: 'comment', code: 'INVALID', message: 'The comment is longer than 2000 characters.' }]);
      const stale = await api.gql(RETURN, { input: { report, comment: '数据有误', expectedVersion: 2 } }, office.token);
      expect(stale.data.returnReport.userErrors).toEqual([
        { field: 'expectedVersion', code: 'STALE_VERSION', message: 'The progress report changed since you read it: it is at version 3, you sent 2. Read it again and retry.' },
      ]);
      const staleAccept = await api.gql(ACCEPT, { input: { report, expectedVersion: 9 } }, office.token);
      expect(staleAccept.data.acceptReport.userErrors[0].code).toBe('STALE_VERSION');
      expect(await snapshot()).toEqual(before);
    });

    it('the office returns it with a comment; editing keeps it RETURNED until resubmitted; then it is accepted', async () => {
      const returned = await api.gql(RETURN, { input: { report, comment: '请补充具体数据', expectedVersion: 3, idempotencyKey: 'ret-1' } }, office.token);
      expect(returned.data.returnReport).toMatchObject({ userErrors: [], report: { state: 'RETURNED', version: 4, reviewComment: '请补充具体数据' } });
      const replay = await api.gql(RETURN, { input: { report, comment: '请补充具体数据', expectedVersion: 3, idempotencyKey: 'ret-1' } }, office.token);
      expect(replay.data.returnReport).toMatchObject({ replayed: true, userErrors: [] });
      const acceptReturned = await api.gql(ACCEPT, { input: { report } }, office.token);
      expect(acceptReturned.data.acceptReport.userErrors).toEqual([
        { field: 'report', code: 'ILLEGAL_TRANSITION', message: 'The ProgressReport is RETURNED: accept is possible only from SUBMITTED.' },
      ]);
      const edited = await api.gql(SAVE, { input: { round, task, text: '一季度已完成年度任务的32%，新增技改项目5个。', expectedVersion: 4 } }, lead.token);
      expect(edited.data.saveProgressDraft.report).toMatchObject({ state: 'RETURNED', version: 5, percent: 32 });
      const resubmitted = await api.gql(SUBMIT, { input: { round, task, expectedVersion: 5 } }, lead.token);
      expect(resubmitted.data.submitProgress.report).toMatchObject({ state: 'SUBMITTED', version: 6 });
      const accepted = await api.gql(ACCEPT, { input: { report, comment: '同意', expectedVersion: 6, idempotencyKey: 'acc-1' } }, office.token);
      expect(accepted.data.acceptReport).toMatchObject({ replayed: false, userErrors: [], report: { state: 'ACCEPTED', version: 7, reviewComment: '同意' } });
      const before = await snapshot();
      const replay2 = await api.gql(ACCEPT, { input: { report, comment: '同意', expectedVersion: 6, idempotencyKey: 'acc-1' } }, office.token);
      expect(replay2.data.acceptReport).toMatchObject({ replayed: true, userErrors: [], report: { state: 'ACCEPTED' } });
      const twice = await api.gql(ACCEPT, { input: { report } }, office.token);
      expect(twice.data.acceptReport.userErrors).toEqual([{ field: 'report', code: 'ILLEGAL_TRANSITION', message: 'The ProgressReport is ACCEPTED: accept is possible only from SUBMITTED.' }]);
      const returnAccepted = await api.gql(RETURN, { input: { report, comment: '撤回' } }, office.token);
      expect(returnAccepted.data.returnReport.userErrors[0].code).toBe('ILLEGAL_TRANSITION');
      expect(await snapshot()).toEqual(before);
    });

    it('the accepted report is the task’s progress for the period, as an imported one: latestProgress, the progress filter, taskStats', async () => {
      const seen = await api.gql(
        `query($task: ID!) { node(id: $task) { ... on Task { latestProgress { period text percent status document { id } report { state } } } } }`,
        { task },
        reader.token,
      );
      expect(seen.data.node.latestProgress).toEqual({ period: '2024-Q1', text: '一季度已完成年度任务的32%，新增技改项目5个。', percent: 32, status: 'IN_PROGRESS', document: null, report: { state: 'ACCEPTED' } });
      const stats = await api.gql(`{ taskStats(where: { year: { eq: 2024 }, progress: { some: { period: { eq: "2024-Q1" } } } }, groupBy: [STATUS]) { status count } }`);
      expect(stats.data.taskStats).toEqual([{ status: 'IN_PROGRESS', count: 1 }]);
      const [entry] = (await audit('report.review')).filter((e: { decision: string; reason: string }) => e.decision === 'ALLOWED' && e.reason === 'acceptReport');
      expect(entry.before.progress).toBeNull();
      expect(entry.after.progress).toMatchObject({ document_id: null, text: '一季度已完成年度任务的32%，新增技改项目5个。' });
    });

    it('the unit’s drafts and reports are not offered to a reviewer of a report id that does not exist: NOT_FOUND for an admin, FORBIDDEN for an office', async () => {
      const before = await snapshot();
      const ghost = toGlobalId('ProgressReport', 999999);
      const forAdmin = await api.gql(ACCEPT, { input: { report: ghost } }, admin.token);
      expect(forAdmin.data.acceptReport.userErrors).toEqual([{ field: 'report', code: 'NOT_FOUND', message: 'There is no such report.' }]);
      const forOffice = await api.gql(ACCEPT, { input: { report: ghost } }, office.token);
      expect(forOffice.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });
  });
});
