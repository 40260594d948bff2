import 'reflect-metadata';
import path from 'node:path';
import { toGlobalId } from '../../src/graphql/global-id';
import { importFiles } from '../../src/import/writer/import-files';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { startApiServer, type ApiServer } from '../support/api-server';
import { registry } from '../support/seeds';
import { ACCEPT, OPEN, RETURN, SAVE, SUBMIT } from './support';

/** What the office sees of a round (README "Supervision workflow"), and the rule that keeps imports and accepted reports from counting twice. */
describe('reporting rounds: what the office sees, and no double counting', () => {
  let api: ApiServer;
  let office: TestKey, lead: TestKey;
  let leadTasks: number[];
  let planTasks: number;
  let round: string;

  const gql = (q: string, v?: Record<string, unknown>, t?: TestKey) => api.gql(q, v, t?.token);
  const ok = (answer: { data?: Record<string, { userErrors: unknown[] }>; errors?: unknown }) => {
    expect(answer.errors).toBeUndefined();
    const payload = Object.values(answer.data!)[0] as { userErrors: unknown[]; report?: { id: string }; round?: { id: string } };
    expect(payload.userErrors).toEqual([]);
    return payload;
  };

  beforeAll(async () => {
    api = await startApiServer();
    const ds = api.db.dataSource;
    office = await makeKey(ds, AccountRole.OFFICE, { name: '督查办', jurisdiction: '重庆市沙坪坝区' });
    lead = await makeKey(ds, AccountRole.UNIT, { unit: '区经济信息委' });
    const [plan] = await ds.query(`SELECT p.id, (SELECT count(*)::int FROM task t WHERE t.plan_id = p.id) AS tasks FROM plan p WHERE year = 2024`);
    planTasks = plan.tasks;
    leadTasks = (
      await ds.query(
        `SELECT t.id FROM task t JOIN assignment a ON a.task_id = t.id AND a.role = 'LEAD' JOIN unit u ON u.id = a.unit_id
         WHERE t.plan_id = $1 AND u.name = '区经济信息委' AND t.section = 'KEY_TASK' ORDER BY t.number`,
        [plan.id],
      )
    ).map((r: { id: number }) => r.id);
    // A round of 上半年 whose due date has passed: every task not submitted is overdue (逾期未报).
    round = ok(await gql(OPEN, { input: { plan: toGlobalId('Plan', plan.id), period: '上半年', opensOn: '2024-06-20', dueOn: '2024-07-10' } }, office)).round!.id;
    const [a, b, c, d] = leadTasks.map((id) => toGlobalId('Task', id));
    ok(await gql(SUBMIT, { input: { round, task: a, text: '上半年完成年度任务的50%。' } }, lead));
    ok(await gql(SAVE, { input: { round, task: b, text: '正在推进。' } }, lead));
    const returned = ok(await gql(SUBMIT, { input: { round, task: c, text: '推进中。' } }, lead)).report!.id;
    ok(await gql(RETURN, { input: { report: returned, comment: '内容过简' } }, office));
    const accepted = ok(await gql(SUBMIT, { input: { round, task: d, text: '已全部完成。' } }, lead)).report!.id;
    ok(await gql(ACCEPT, { input: { report: accepted } }, office));
  });
  afterAll(() => api.stop());

  const count = async (where: Record<string, unknown>) => (await gql(`query($where: TaskWhere) { tasks(where: $where) { totalCount } }`, { where })).data.tasks.totalCount;

  it('counts every state of the round, overdue included', async () => {
    const answer = await gql(`query($id: ID!) { node(id: $id) { ... on Round { period state counts { tasks notReported draft submitted returned accepted overdue } } } }`, { id: round });
    expect(answer.data.node).toEqual({
      period: '2024-Q2',
      state: 'OPEN',
      counts: { tasks: planTasks, notReported: planTasks - 4, draft: 1, submitted: 1, returned: 1, accepted: 1, overdue: planTasks - 2 },
    });
  });

  it('who has not reported, waiting for review, returned, overdue: each a TaskWhere condition that agrees with the counts', async () => {
    expect(await count({ roundReport: { round, state: { eq: 'NOT_REPORTED' } } })).toBe(planTasks - 4);
    expect(await count({ roundReport: { round, state: { eq: 'SUBMITTED' } } })).toBe(1);
    expect(await count({ roundReport: { round, state: { in: ['RETURNED'] } } })).toBe(1);
    expect(await count({ roundReport: { round, overdue: true } })).toBe(planTasks - 2);
    expect(await count({ roundReport: { round, overdue: false } })).toBe(2);
    expect(await count({ NOT: { roundReport: { round, state: { eq: 'NOT_REPORTED' } } } })).toBe(4 + (await count({ NOT: { year: { eq: 2024 } } })));
    // A task of another plan is never in the round.
    expect(await count({ year: { eq: 2021 }, roundReport: { round } })).toBe(0);
  });

  it('who has not reported, by lead unit and by leader: taskStats groups the same condition', async () => {
    const byUnit = await gql(`query($round: ID!) { taskStats(where: { roundReport: { round: $round, state: { eq: NOT_REPORTED } } }, groupBy: [UNIT, ROLE]) { unit role count } }`, { round });
    const mine = byUnit.data.taskStats.find((g: { unit: string; role: string }) => g.unit === '区经济信息委' && g.role === 'LEAD');
    expect(mine.count).toBe(leadTasks.length - 4 + (await count({ year: { eq: 2024 }, section: { in: ['TARGET', 'LIVELIHOOD'] }, leadUnits: { some: { name: { eq: '区经济信息委' } } } })));
    const byLeader = await gql(`query($round: ID!) { taskStats(where: { roundReport: { round: $round, state: { eq: NOT_REPORTED } } }, groupBy: [LEADER]) { leader count } }`, { round });
    const [oracle] = await api.db.dataSource.query(
      `SELECT l.name, count(*)::int AS n FROM task t JOIN task_leader tl ON tl.task_id = t.id JOIN leader l ON l.id = tl.leader_id JOIN plan p ON p.id = t.plan_id
       WHERE p.year = 2024 AND NOT EXISTS (SELECT 1 FROM progress_report pr WHERE pr.task_id = t.id) GROUP BY l.name ORDER BY n DESC, l.name LIMIT 1`,
    );
    expect(byLeader.data.taskStats.find((g: { leader: string }) => g.leader === oracle.name).count).toBe(oracle.n);
  });

  it('reports waiting for review and returned ones not yet resubmitted, by state', async () => {
    const answer = await gql(`query($id: ID!) { round(id: $id) { waiting: reports(states: [SUBMITTED]) { text } returned: reports(states: [RETURNED]) { text reviewComment } all: reports { state } } }`, { id: round }, office);
    expect(answer.data.round.waiting).toEqual([{ text: '上半年完成年度任务的50%。' }]);
    expect(answer.data.round.returned).toEqual([{ text: '推进中。', reviewComment: '内容过简' }]);
    expect(answer.data.round.all.map((r: { state: string }) => r.state).sort()).toEqual(['ACCEPTED', 'DRAFT', 'RETURNED', 'SUBMITTED']);
  });

  it('rounds lists the plan’s rounds; a malformed id is BAD_USER_INPUT; an unknown one null', async () => {
    const listed = await gql(`{ rounds { period dueOn } }`);
    expect(listed.data.rounds).toEqual([{ period: '2024-Q2', dueOn: '2024-07-10' }]);
    expect((await gql(`{ round(id: "nope") { id } }`)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await gql(`query($id: ID!) { round(id: $id) { id } }`, { id: toGlobalId('Round', 4242) })).data.round).toBeNull();
    expect((await gql(`query($w: TaskWhere) { tasks(where: $w) { totalCount } }`, { w: { roundReport: { round: 'x' } } })).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('a round with an accepted report is a report of its plan for the lights: the JS rules and the SQL filter agree on every task', async () => {
    const levels = async (asOf: string | null) => {
      const seen: Record<string, string> = {};
      let after: string | null = null;
      do {
        const page: { data?: { tasks: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string; risk: { level: string } }[] } } } = await gql(
          `query($after: String, $asOf: String) { tasks(where: { year: { eq: 2024 } }, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id risk(asOf: $asOf) { level } } } }`,
          { after, asOf },
        );
        for (const n of page.data!.tasks.nodes) seen[n.id] = n.risk.level;
        after = page.data!.tasks.pageInfo.hasNextPage ? page.data!.tasks.pageInfo.endCursor : null;
      } while (after);
      return seen;
    };
    for (const asOf of [null, '2024-08-01']) {
      const js = await levels(asOf);
      for (const level of ['RED', 'YELLOW', 'GREEN', 'UNKNOWN']) {
        const expected = Object.values(js).filter((l) => l === level).length;
        expect([asOf, level, await count({ year: { eq: 2024 }, risk: { level, ...(asOf ? { asOf } : {}) } })]).toEqual([asOf, level, expected]);
      }
      // The plan had no imported report: without the round every task would be UNKNOWN (NO_REPORT_YET) at its default date.
      expect(Object.values(js).filter((l) => l === 'UNKNOWN')).toEqual([]);
    }
    const done = await gql(`query($id: ID!) { node(id: $id) { ... on Task { risk { level asOf reasons { rule } } } } }`, { id: toGlobalId('Task', leadTasks[3]) });
    expect(done.data.node.risk).toEqual({ level: 'GREEN', asOf: '2024-07-10', reasons: [{ rule: 'COMPLETED' }] });
  });

  it('acceptances at once in one plan all land, each with its row and the facts refreshed', async () => {
    const reports: string[] = [];
    for (const id of leadTasks.slice(4, 9)) {
      reports.push(ok(await gql(SUBMIT, { input: { round, task: toGlobalId('Task', id), text: '正在推进，已完成年度任务的40%。' } }, lead)).report!.id);
    }
    const answers = await Promise.all(reports.map((report) => gql(ACCEPT, { input: { report } }, office)));
    expect(answers.map((a) => [a.errors, a.data.acceptReport.userErrors, a.data.acceptReport.report.state])).toEqual(reports.map(() => [undefined, [], 'ACCEPTED']));
    const rows = await api.db.dataSource.query(`SELECT t.latest_percent FROM task t WHERE t.id = ANY($1::int[])`, [leadTasks.slice(4, 9)]);
    expect(rows).toEqual(leadTasks.slice(4, 9).map(() => ({ latest_percent: 40 })));
  });

  describe('one progress row per task and period: the later of an import and an acceptance holds the text', () => {
    it('accepting a report for a period an imported report covers replaces that task’s text, keeps the document, adds no row', async () => {
      const ds = api.db.dataSource;
      const [plan2021] = await ds.query(`SELECT id FROM plan WHERE year = 2021`);
      const [task] = await ds.query(
        `SELECT pu.task_id AS id, pu.document_id, (SELECT count(*)::int FROM progress_update x) AS rows FROM progress_update pu JOIN task t ON t.id = pu.task_id
         JOIN assignment a ON a.task_id = t.id AND a.role = 'LEAD' JOIN unit u ON u.id = a.unit_id
         WHERE pu.period = '2021-Q1' AND u.name = '区经济信息委' ORDER BY t.id LIMIT 1`,
      );
      const statsBefore = (await gql(`{ taskStats(where: { year: { eq: 2021 } }, groupBy: [YEAR]) { count } }`)).data.taskStats;
      const q1 = ok(await gql(OPEN, { input: { plan: toGlobalId('Plan', plan2021.id), period: '2021-Q1', opensOn: '2021-03-25', dueOn: '2021-04-05' } }, office)).round!.id;
      const report = ok(await gql(SUBMIT, { input: { round: q1, task: toGlobalId('Task', task.id), text: '更正：一季度完成年度任务的26%。' } }, lead)).report!.id;
      ok(await gql(ACCEPT, { input: { report } }, office));
      const rows = await ds.query(`SELECT document_id, report_id IS NOT NULL AS from_report, text FROM progress_update WHERE task_id = $1 AND period = '2021-Q1'`, [task.id]);
      expect(rows).toEqual([{ document_id: task.document_id, from_report: true, text: '更正：一季度完成年度任务的26%。' }]);
      expect((await ds.query(`SELECT count(*)::int AS n FROM progress_update`))[0].n).toBe(task.rows);
      expect((await gql(`{ taskStats(where: { year: { eq: 2021 } }, groupBy: [YEAR]) { count } }`)).data.taskStats).toEqual(statsBefore);
      // The stored facts were refreshed in the accepting transaction: the newest update's percent is the report's.
      expect((await ds.query(`SELECT latest_percent FROM task WHERE id = $1`, [task.id]))[0].latest_percent).toBe(26);
    });

    it('a report imported after an acceptance for its period replaces the accepted text; still one row', async () => {
      const ds = api.db.dataSource;
      // 2024 target 2 (工业增加值增长8%以上) is led by 区经济信息委 and reported in the fixture's 一季度 report.
      const [target] = await ds.query(`SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024 AND t.section = 'TARGET' AND t.number = 2`);
      const [plan] = await ds.query(`SELECT id FROM plan WHERE year = 2024`);
      const q1 = ok(await gql(OPEN, { input: { plan: toGlobalId('Plan', plan.id), period: '2024-Q1', opensOn: '2024-03-25', dueOn: '2024-04-05' } }, office)).round!.id;
      const report = ok(await gql(SUBMIT, { input: { round: q1, task: toGlobalId('Task', target.id), text: '工业增加值完成年度任务的18%。' } }, lead)).report!.id;
      ok(await gql(ACCEPT, { input: { report } }, office));
      expect(await ds.query(`SELECT document_id, text FROM progress_update WHERE task_id = $1`, [target.id])).toEqual([{ document_id: null, text: '工业增加值完成年度任务的18%。' }]);
      await importFiles(ds, [path.join(__dirname, '..', 'fixtures', 'report-2024-q1.txt')], registry, { allow: ['numbering'] });
      const rows = await ds.query(`SELECT document_id IS NOT NULL AS from_document, report_id, text, percent FROM progress_update WHERE task_id = $1`, [target.id]);
      expect(rows).toEqual([{ from_document: true, report_id: null, text: '工业增加值完成年度任务的20%。', percent: 20 }]);
      // The report itself stays accepted: the record of what the unit said and the office decided.
      const seen = await gql(`query($id: ID!) { node(id: $id) { ... on ProgressReport { state text } } }`, { id: report }, office);
      expect(seen.data.node).toEqual({ state: 'ACCEPTED', text: '工业增加值完成年度任务的18%。' });
      // The workflow's copy is internal (report.read): anonymous readers get null from node(), as for a missing report.
      expect((await gql(`query($id: ID!) { node(id: $id) { ... on ProgressReport { state text } } }`, { id: report })).data.node).toBeNull();
    });

    it('anonymous readers see no report of a round, not even how many (report.read); the accepted text is public as the task’s progress', async () => {
      const listed = await gql(`query($id: ID!) { round(id: $id) { counts { accepted } reports { __typename } } }`, { id: round });
      expect(listed.errors!.map((e) => [e.message, e.extensions!.code])).toEqual([[expect.stringContaining('report.read'), 'FORBIDDEN']]);
      const progress = await gql(`{ tasks(where: { progress: { some: { period: { eq: "2024-Q2" } } } }, first: 1) { nodes { latestProgress { period text report { state } } } } }`);
      expect(progress.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
      const open = await gql(`{ tasks(where: { progress: { some: { period: { eq: "2024-Q2" } } } }, first: 1) { nodes { latestProgress { period } } } }`);
      expect(open.errors).toBeUndefined();
      expect(open.data.tasks.nodes[0].latestProgress.period).toBe('2024-Q2');
    });
  });
});
