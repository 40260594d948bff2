import path from 'node:path';
import { toGlobalId } from '../../src/graphql/global-id';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { type ApiServer, startApiServer } from '../support/api-server';
import { REPORTS_2024 } from '../support/reports-2024';
import { expectStoredLightsCurrent } from '../support/stored-light';
import { ACCEPT, OPEN, SUBMIT } from '../round/support';

/**
 * task.risk_level is the light at the plan's default date, stored so that taskStats, history and the
 * risk filter read one column. It must never go stale: every writer of what the light reads stores it
 * again in its own transaction. After each such mutation over the API, every task's stored light
 * equals the light risk-rules.ts works out from the raw rows (Task.risk), and the risk filter without
 * asOf (the column) equals the filter at an explicit asOf equal to the default date (worked out in SQL).
 * Imports and a plan's correction: test/upload/import-upload.test.ts.
 */
describe('the stored light follows every writer of what it reads', () => {
  let api: ApiServer;
  let office: TestKey, unit: TestKey;
  const taskId = async (year: number, number: number): Promise<number> =>
    (await api.db.dataSource.query(`SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = $1 AND t.section = 'KEY_TASK' AND t.number = $2`, [year, number]))[0].id;
  const stored = async (id: number): Promise<string> => (await api.db.dataSource.query(`SELECT risk_level FROM task WHERE id = $1`, [id]))[0].risk_level;
  const ok = async (query: string, input: object, token: string) => {
    const r = await api.gql(query, { input }, token);
    expect(r.errors).toBeUndefined();
    const payload = Object.values(r.data)[0] as any;
    expect(payload.userErrors).toEqual([]);
    return payload;
  };
  const CLOSE = `mutation($input: CloseTaskInput!) { closeTask(input: $input) { userErrors { message } } }`;
  const REOPEN = `mutation($input: ReopenTaskInput!) { reopenTask(input: $input) { userErrors { message } } }`;

  /** The filter without asOf (the stored column) and with the plan's default date given (worked out), for one plan. */
  async function expectFilterAgrees(year: number): Promise<void> {
    const [plan] = await api.db.dataSource.query(`SELECT to_char(default_as_of, 'YYYY-MM-DD') AS as_of FROM plan WHERE year = $1`, [year]);
    for (const level of ['RED', 'YELLOW', 'GREEN', 'UNKNOWN']) {
      const ids = async (asOf: string | null) => {
        const found: string[] = [];
        let after: string | null = null;
        do {
          const r: any = await api.gql(
            `query($asOf: String, $after: String) { tasks(where: { year: { eq: ${year} }, risk: { level: ${level}, asOf: $asOf } }, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`,
            { asOf, after },
          );
          expect(r.errors).toBeUndefined();
          found.push(...r.data.tasks.nodes.map((n: { id: string }) => n.id));
          after = r.data.tasks.pageInfo.hasNextPage ? r.data.tasks.pageInfo.endCursor : null;
        } while (after);
        return found.sort();
      };
      expect({ level, ids: await ids(null) }).toEqual({ level, ids: await ids(plan.as_of) });
    }
  }

  beforeAll(async () => {
    api = await startApiServer({ ...REPORTS_2024, alsoImport: [...REPORTS_2024.alsoImport!, path.join(__dirname, '..', 'fixtures', 'plan-2099.txt')] });
    office = await makeKey(api.db.dataSource, AccountRole.OFFICE, { name: '督查办', jurisdiction: '重庆市沙坪坝区' });
    unit = await makeKey(api.db.dataSource, AccountRole.UNIT, { unit: '区经济信息委' });
  }, 120_000);
  afterAll(() => api?.stop());

  it('after the imports (plans and reports)', async () => {
    await expectStoredLightsCurrent(api);
    await expectFilterAgrees(2024);
  });

  it('closeTask stores GREEN (CLOSED first) and reopenTask the light before it, each in its transaction', async () => {
    const id = await taskId(2021, 17);
    const before = await stored(id);
    expect(before).not.toBe('GREEN');
    await ok(CLOSE, { task: toGlobalId('Task', id), reason: '销号' }, office.token);
    expect(await stored(id)).toBe('GREEN');
    await expectStoredLightsCurrent(api);
    await ok(REOPEN, { task: toGlobalId('Task', id), reason: '重新督办' }, office.token);
    expect(await stored(id)).toBe(before);
    await expectStoredLightsCurrent(api);
    await expectFilterAgrees(2021);
  });

  it('acceptReport on a plan without reports, then approveExtension: the light at the round\'s date, then at the extended deadline', async () => {
    // 2099 key task 1 (6月底前, led by 区经济信息委) has no report yet: UNKNOWN. A Q1 round due 2099-04-05, accepted at 20%,
    // judges it at that date: 94 of 180 days gone is more than 20% + 15 behind, YELLOW. Extended to 2099-12-31, 94 of 364
    // days is not: GREEN. Each step changes the stored light of this task, in the accepting or approving transaction.
    const id = await taskId(2099, 1);
    expect(await stored(id)).toBe('UNKNOWN');
    const [plan] = await api.db.dataSource.query(`SELECT id FROM plan WHERE year = 2099`);
    const opened = await ok(OPEN, { plan: toGlobalId('Plan', plan.id), period: '一季度', dueOn: '2099-04-05' }, office.token);
    const submitted = await ok(SUBMIT, { round: opened.round.id, task: toGlobalId('Task', id), text: '已完成征地工作的20%。', status: 'IN_PROGRESS', percent: 20 }, unit.token);
    expect(await stored(id)).toBe('UNKNOWN');
    await ok(ACCEPT, { report: submitted.report.id }, office.token);
    expect(await stored(id)).toBe('YELLOW');
    await expectStoredLightsCurrent(api);
    await expectFilterAgrees(2099);

    const asked = await ok(
      `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { userErrors { message } extensionRequest { id } } }`,
      { task: toGlobalId('Task', id), newDue: '2099-12-31', reason: '征地滞后' },
      unit.token,
    );
    expect(await stored(id)).toBe('YELLOW');
    await ok(`mutation($input: ApproveExtensionInput!) { approveExtension(input: $input) { userErrors { message } } }`, { request: asked.extensionRequest.id }, office.token);
    expect((await api.db.dataSource.query(`SELECT to_char(extended_due_on, 'YYYY-MM-DD') AS d FROM task WHERE id = $1`, [id]))[0].d).toBe('2099-12-31');
    expect(await stored(id)).toBe('GREEN');
    await expectStoredLightsCurrent(api);
    await expectFilterAgrees(2099);
  });

  it('acceptReport: a round no import covers becomes the plan\'s newest report, and every task of the plan is judged at its date again', async () => {
    const [plan] = await api.db.dataSource.query(`SELECT id, report_count FROM plan WHERE year = 2024`);
    const lightsBefore = await expectStoredLightsCurrent(api);
    const opened = await ok(OPEN, { plan: toGlobalId('Plan', plan.id), period: '三季度', opensOn: '2024-09-20', dueOn: '2027-10-10' }, office.token);
    // Opening a round is no report yet: nothing the light reads changed.
    expect(await expectStoredLightsCurrent(api)).toEqual(lightsBefore);
    const [row] = await api.db.dataSource.query(
      `SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id JOIN assignment a ON a.task_id = t.id AND a.role = 'LEAD' JOIN unit u ON u.id = a.unit_id
       WHERE p.year = 2024 AND t.section = 'KEY_TASK' AND u.name = '区经济信息委' ORDER BY t.number LIMIT 1`,
    );
    const submitted = await ok(SUBMIT, { round: opened.round.id, task: toGlobalId('Task', row.id), text: '三季度已全面完成年度任务。', status: 'COMPLETED', percent: 100 }, unit.token);
    expect(await expectStoredLightsCurrent(api)).toEqual(lightsBefore);
    await ok(ACCEPT, { report: submitted.report.id }, office.token);
    expect((await api.db.dataSource.query(`SELECT report_count FROM plan WHERE id = $1`, [plan.id]))[0].report_count).toBe(plan.report_count + 1);
    expect(await stored(row.id)).toBe('GREEN');
    const lightsAfter = await expectStoredLightsCurrent(api);
    expect(lightsAfter).not.toEqual(lightsBefore);
    await expectFilterAgrees(2024);
  });
});
