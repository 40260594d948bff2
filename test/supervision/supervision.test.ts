import { startApiServer, type ApiServer } from '../support/api-server';
import { REPORTS_2024 } from '../support/reports-2024';

/**
 * The supervision questions on the seeds plus two 2024 reports made in the
 * 2021 report's layout (test/fixtures/report-2024-q1.txt, dated 2024-04-10,
 * and report-2024-h1.txt, 上半年 = 2024-Q2, dated 2024-07-12). Every expected
 * value below is worked out by hand from those texts; the arithmetic is in
 * the comments.
 */
let api: ApiServer;

beforeAll(async () => {
  api = await startApiServer({
    exposeSql: true,
    ...REPORTS_2024,
  });
}, 120_000);
afterAll(() => api?.stop());

async function ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await api.gql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const TASK = `section number latestProgress { period status percent percentReason change { sincePeriod statusFrom statusChanged percentFrom percentDelta } }
  due { date source words } risk { level asOf reasons { rule } }`;

async function task(year: number, section: string, number: number, extra = ''): Promise<any> {
  const data = await ok(`{ tasks(where: { year: { eq: ${year} }, section: { eq: ${section} }, number: { eq: ${number} } }) { nodes { ${TASK} ${extra} } } }`);
  expect(data.tasks.nodes).toHaveLength(1);
  return data.tasks.nodes[0];
}

async function count(where: string): Promise<number> {
  return (await ok(`{ tasks(where: ${where}) { totalCount } }`)).tasks.totalCount;
}

describe('progress over time (2024 plan with its Q1 and H1 reports)', () => {
  it('keeps every report as a timeline in period order, with percents and the change since the previous update', async () => {
    const t2 = await task(2024, 'TARGET', 2, 'progress { period status percent }');
    expect(t2.progress).toEqual([
      { period: '2024-Q1', status: 'IN_PROGRESS', percent: 20 },
      { period: '2024-Q2', status: 'IN_PROGRESS', percent: 45 },
    ]);
    expect(t2.latestProgress).toEqual({
      period: '2024-Q2',
      status: 'IN_PROGRESS',
      percent: 45,
      percentReason: 'states “完成年度任务的45%”',
      change: { sincePeriod: '2024-Q1', statusFrom: 'IN_PROGRESS', statusChanged: false, percentFrom: 20, percentDelta: 25 },
    });
    // 老旧小区改造: 40% in Q1, 全部完成 in H1.
    const l1 = await task(2024, 'LIVELIHOOD', 1);
    expect(l1.latestProgress).toMatchObject({ status: 'COMPLETED', percent: null, change: { statusFrom: 'IN_PROGRESS', statusChanged: true, percentFrom: 40, percentDelta: null } });
    // 停车设施: only 前期工作 in Q1 (NOT_STARTED by the livelihood rule), 35% in H1.
    const l2 = await task(2024, 'LIVELIHOOD', 2);
    expect(l2.latestProgress).toMatchObject({ status: 'IN_PROGRESS', percent: 35, change: { statusFrom: 'NOT_STARTED', statusChanged: true } });
    // Key task 6: 5% → 20%.
    expect((await task(2024, 'KEY_TASK', 6)).latestProgress.change).toMatchObject({ percentFrom: 5, percentDelta: 15 });
    // Key task 7 first reported in H1: no previous update.
    expect((await task(2024, 'KEY_TASK', 7)).latestProgress.change).toBeNull();
  });

  it('answers whether a period reported a task', async () => {
    const t4 = await task(2024, 'TARGET', 4, 'q1: reported(period: "2024-Q1") h1: reported(period: "2024-Q2") q3: reported(period: "2024-Q3")');
    expect([t4.q1, t4.h1, t4.q3]).toEqual([true, false, false]);
  });
});

describe('deadlines', () => {
  it.each([
    ['LIVELIHOOD', 1, { date: '2024-06-30', source: 'TEXT', words: ['6月底前'] }],
    ['LIVELIHOOD', 2, { date: '2024-09-30', source: 'TEXT', words: ['三季度'] }],
    ['LIVELIHOOD', 3, { date: '2024-12-31', source: 'TEXT', words: ['年底前'] }],
    ['KEY_TASK', 1, { date: '2024-12-31', source: 'PLAN_YEAR_END', words: [] }],
  ])('2024 %s %i', async (section, number, due) => {
    expect((await task(2024, section, number)).due).toEqual(due);
  });

  it('filters on the deadline', async () => {
    expect(await count('{ due: { source: TEXT } }')).toBe(3);
    expect(await count('{ year: { eq: 2024 }, due: { lt: "2024-12-31" } }')).toBe(2);
  });
});

describe('lights (红黄绿灯) at the default date, the H1 report of 2024-07-12', () => {
  // 序时进度 at 2024-07-12 for a year-end deadline: 193 of 365 days = 52.9%.
  it.each([
    ['TARGET', 1, 'GREEN', ['ON_TRACK']],
    ['TARGET', 4, 'YELLOW', ['NOT_STARTED_AFTER_Q1', 'UNREPORTED_LATEST']],
    ['TARGET', 5, 'GREEN', ['ON_TRACK']], // 40% vs 52.9%: 12.9 points behind, not more than 15
    ['TARGET', 7, 'RED', ['UNREPORTED_TWICE']],
    ['LIVELIHOOD', 1, 'GREEN', ['COMPLETED']], // its 6月底前 deadline passed, but it is done
    ['LIVELIHOOD', 2, 'YELLOW', ['BEHIND_SCHEDULE']], // 35% vs 193/273 days = 70.7%
    ['LIVELIHOOD', 3, 'RED', ['SUSPENDED']],
    ['KEY_TASK', 2, 'YELLOW', ['UNREPORTED_LATEST']],
    ['KEY_TASK', 3, 'GREEN', ['COMPLETED']], // completed in Q1, not repeated in H1
    ['KEY_TASK', 6, 'YELLOW', ['BEHIND_SCHEDULE']], // 20% vs 52.9%
    ['KEY_TASK', 8, 'RED', ['UNREPORTED_TWICE']],
  ])('2024 %s %i is %s', async (section, number, level, rules) => {
    const t = await task(2024, section, number, 'expectedPercent');
    expect(t.risk).toEqual({ level, asOf: '2024-07-12', reasons: rules.map((rule) => ({ rule })) });
  });

  it('gives the expected progress (序时进度)', async () => {
    expect((await task(2024, 'KEY_TASK', 1, 'expectedPercent')).expectedPercent).toBe(52.9);
    expect((await task(2024, 'LIVELIHOOD', 2, 'expectedPercent')).expectedPercent).toBe(70.7);
    expect((await task(2024, 'LIVELIHOOD', 1, 'expectedPercent')).expectedPercent).toBe(100);
  });

  it('counts the plan’s lights: 131 red, 4 yellow, 12 green', async () => {
    // RED: target 7, livelihood 3, key tasks 8–136 (129) = 131.
    // YELLOW: target 4, livelihood 2, key tasks 2 and 6 = 4. GREEN: the other 12 of 147.
    const levels = { RED: 131, YELLOW: 4, GREEN: 12, UNKNOWN: 0 };
    for (const [level, n] of Object.entries(levels)) expect(await count(`{ year: { eq: 2024 }, risk: { level: ${level} } }`)).toBe(n);
  });

  it('judges at an earlier date: at the Q1 report only one report counts', async () => {
    // RED: livelihood 3 (暂缓). YELLOW: target 4, key 4 (not started), target 7 and key 7–136 (130, not in
    // the latest report), livelihood 1 (40% vs 100/181 days = 55.2%), livelihood 2 (not started), key 6 (5%) = 136.
    const levels = { RED: 1, YELLOW: 136, GREEN: 10, UNKNOWN: 0 };
    for (const [level, n] of Object.entries(levels)) {
      expect(await count(`{ year: { eq: 2024 }, risk: { level: ${level}, asOf: "2024-04-10" } }`)).toBe(n);
    }
    const l1 = await task(2024, 'LIVELIHOOD', 1, 'q1: risk(asOf: "2024-04-10") { level reasons { rule detail } }');
    expect(l1.q1).toEqual({ level: 'YELLOW', reasons: [{ rule: 'BEHIND_SCHEDULE', detail: 'stated 40% is more than 15 points behind the expected 55.2% (落后序时进度)' }] });
    expect(await count('{ year: { eq: 2024 }, risk: { level: UNKNOWN, asOf: "2024-03-01" } }')).toBe(147);
  });

  it('refuses a malformed date as the client’s mistake', async () => {
    const response = await api.gql('{ tasks(where: { risk: { level: RED, asOf: "2024-02-30" } }) { totalCount } }');
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('2024-02-30');
  });
});

describe('the 2021 Q1 report, read as its reader would', () => {
  it('key task 17 is red because it is suspended', async () => {
    const t = await task(2021, 'KEY_TASK', 17);
    expect(t.risk).toEqual({ level: 'RED', asOf: '2021-04-08', reasons: [{ rule: 'SUSPENDED' }] });
  });

  it.each([9, 10])('livelihood project %i (the report: 暂未启动施工) is not started and yellow, not green', async (number) => {
    const t = await task(2021, 'LIVELIHOOD', number, 'latestProgress { statusReason }');
    expect(t.latestProgress.status).toBe('NOT_STARTED');
    expect(t.latestProgress.statusReason).toContain('preparatory work');
    expect(t.risk).toEqual({ level: 'YELLOW', asOf: '2021-04-08', reasons: [{ rule: 'NOT_STARTED_AFTER_Q1' }] });
  });

  it('has 1 red, 2 yellow and 154 green tasks', async () => {
    const stats = (await ok('{ taskStats(where: { year: { eq: 2021 } }, groupBy: []) { count completed red yellow green unknown } }')).taskStats;
    expect(stats).toEqual([{ count: 157, completed: 2, red: 1, yellow: 2, green: 154, unknown: 0 }]);
  });

  it('reads stated percents', async () => {
    expect((await task(2021, 'LIVELIHOOD', 5)).latestProgress).toMatchObject({ percent: 43.3, percentReason: 'states “已完成总进度的43.3%”' });
    expect((await task(2021, 'TARGET', 9)).latestProgress).toMatchObject({ percent: 27.3 });
    expect((await task(2021, 'KEY_TASK', 3)).latestProgress).toMatchObject({ percent: 84 });
  });
});

describe('unreported tasks (未报送)', () => {
  it('lists the tasks of the plan a report does not cover', async () => {
    const data = await ok(`{ plans { year documents { period missingTasks { section number } } } }`);
    const plan = data.plans.find((p: any) => p.year === 2024);
    const missing = Object.fromEntries(plan.documents.map((d: any) => [d.period ?? 'plan', d.missingTasks]));
    expect(missing.plan).toBeNull();
    // Q1 covers 7 targets, 3 livelihood projects, key tasks 1–6: 147 − 16 = 131 missing.
    expect(missing['2024-Q1']).toHaveLength(131);
    expect(missing['2024-Q1'].slice(0, 2)).toEqual([{ section: 'TARGET', number: 7 }, { section: 'KEY_TASK', number: 7 }]);
    // H1 covers 6 targets, 3 livelihood projects, key tasks 1, 4–7: 147 − 14 = 133 missing.
    expect(missing['2024-Q2']).toHaveLength(133);
    expect(missing['2024-Q2'].slice(0, 4)).toEqual([
      { section: 'TARGET', number: 4 },
      { section: 'TARGET', number: 7 },
      { section: 'KEY_TASK', number: 2 },
      { section: 'KEY_TASK', number: 3 },
    ]);
  });

  it('filters reported / not reported, newest status and stated percent', async () => {
    expect(await count('{ year: { eq: 2024 }, reported: { period: "2024-Q2", is: false } }')).toBe(133);
    expect(await count('{ reported: { period: "2024-Q1", is: true } }')).toBe(16);
    expect(await count('{ year: { eq: 2024 }, latestStatus: { eq: COMPLETED } }')).toBe(2); // livelihood 1, key 3
    expect(await count('{ latestStatus: { in: [SUSPENDED] } }')).toBe(2); // 2021 key 17, 2024 livelihood 3
    expect(await count('{ year: { eq: 2024 }, percent: { lt: 40 } }')).toBe(2); // livelihood 2 (35), key 6 (20)
    expect(await count('{ year: { eq: 2024 }, NOT: { percent: { lt: 40 } } }')).toBe(145);
  });
});

describe('taskStats', () => {
  const SINGLE = ['YEAR', 'SECTION', 'CATEGORY', 'STATUS', 'RISK', 'JURISDICTION'];
  const WHERES = ['{}', '{ year: { eq: 2024 } }', '{ leaders: { some: { name: { eq: "凌健" } } } }'];

  it.each(WHERES.flatMap((where) => SINGLE.map((dim) => [dim, where])))('by %s sums to tasks(where: %s).totalCount', async (dim, where) => {
    const stats = (await ok(`{ taskStats(where: ${where}, groupBy: [${dim}]) { count red yellow green unknown } }`)).taskStats;
    const total = await count(where);
    expect(stats.reduce((s: number, r: any) => s + r.count, 0)).toBe(total);
    for (const r of stats) expect(r.red + r.yellow + r.green + r.unknown).toBe(r.count);
  });

  it.each(['LEADER', 'UNIT', 'ROLE'])('by %s, the groups are the (task, leader) or (task, unit, role) pairs, counted from tasks', async (dim) => {
    const stats = (await ok(`{ taskStats(where: { year: { eq: 2024 } }, groupBy: [${dim}]) { leader unit role count } }`)).taskStats;
    const tasks: any[] = [];
    let after: string | null = null;
    do {
      const page: any = (await ok(`query($after: String) { tasks(where: { year: { eq: 2024 } }, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } nodes { leaders { name } leadUnits { name } coUnits { name } } } }`, { after })).tasks;
      tasks.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const expected = new Map<string | null, number>();
    const add = (key: string | null) => expected.set(key, (expected.get(key) ?? 0) + 1);
    for (const t of tasks) {
      if (dim === 'LEADER') (t.leaders.length ? t.leaders.map((l: any) => l.name) : [null]).forEach(add);
      if (dim === 'UNIT') [...t.leadUnits, ...t.coUnits].forEach((u: any) => add(u.name));
      if (dim === 'ROLE') {
        t.leadUnits.forEach(() => add('LEAD'));
        t.coUnits.forEach(() => add('CO'));
        if (!t.leadUnits.length && !t.coUnits.length) add(null);
      }
    }
    const key = (r: any) => (dim === 'LEADER' ? r.leader : dim === 'UNIT' ? r.unit : r.role);
    expect(new Map(stats.map((r: any) => [key(r), r.count]))).toEqual(expected);
  });

  it('by UNIT counts a task once per unit and role, and rates lead units only', async () => {
    const stats = (await ok(`{ taskStats(where: { year: { eq: 2024 } }, groupBy: [UNIT, ROLE]) { unit role count completed completionRate } }`)).taskStats;
    const of = (unit: string) => stats.filter((r: any) => r.unit === unit);
    // 区住房城乡建委 leads livelihood 1 (completed) and 2 in 2024; the plan's own 10 lead and 11 co tasks come on top.
    const lead = of('区住房城乡建委').find((r: any) => r.role === 'LEAD');
    expect(lead.completed).toBe(1);
    expect(lead.completionRate).toBeCloseTo(1 / lead.count, 4);
    for (const r of stats.filter((x: any) => x.role === 'CO')) expect(r.completionRate).toBeNull();
  });

  it('is one SQL statement', async () => {
    const response = await api.gql(`{ taskStats(where: { year: { eq: 2024 }, risk: { level: RED } }, groupBy: [LEADER, UNIT, ROLE, STATUS, RISK, YEAR, SECTION, CATEGORY, JURISDICTION], asOf: "2024-07-12") { count } }`);
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.sql).toHaveLength(1);
  });

  it('groups red lights as of the last report by leader', async () => {
    const stats = (await ok(`{ taskStats(where: { year: { eq: 2024 } }, groupBy: [LEADER]) { leader count red } }`)).taskStats;
    for (const r of stats) {
      const leader = r.leader === null ? '{ leaders: { none: {} } }' : `{ leaders: { some: { name: { eq: "${r.leader}" } } } }`;
      expect(await count(`{ year: { eq: 2024 }, risk: { level: RED }, AND: [${leader}] }`)).toBe(r.red);
    }
  });
});

describe('history of a unit and of a leader', () => {
  it('gives a unit’s years side by side', async () => {
    const data = await ok(`{ unit(name: "区民政局") { history { year lead co total completed atRisk completionRate } } }`);
    const y2024 = data.unit.history.find((h: any) => h.year === 2024);
    // 2024: leads the new livelihood project 3 (社区食堂, 暂缓 → red) besides its plan tasks.
    expect(y2024.lead).toBeGreaterThanOrEqual(1);
    expect(y2024.atRisk).toBeGreaterThanOrEqual(1);
    expect(data.unit.history.map((h: any) => h.year)).toEqual([...data.unit.history.map((h: any) => h.year)].sort());
  });

  it('gives a leader’s years', async () => {
    const data = await ok(`{ leader(name: "凌健") { history { year lead co total completed atRisk } } }`);
    expect(data.leader.history).toEqual([{ year: 2024, lead: null, co: null, total: 37, completed: 1, atRisk: 33 }]);
  });
});

describe('the README answers', () => {
  it('2021 completion rate by lead unit: 区商务委 1 of 12, 区文化旅游委 1 of 7, every other lead unit 0', async () => {
    const stats = (await ok(`{ taskStats(where: { year: { eq: 2021 } }, groupBy: [UNIT, ROLE]) { unit role count completed completionRate } }`)).taskStats;
    expect(stats).toHaveLength(126);
    const done = stats.filter((r: any) => r.role === 'LEAD' && r.completed > 0);
    expect(done).toEqual([
      { unit: '区商务委', role: 'LEAD', count: 12, completed: 1, completionRate: 0.0833 },
      { unit: '区文化旅游委', role: 'LEAD', count: 7, completed: 1, completionRate: 0.1429 },
    ]);
  });

  it('区商务委 across years', async () => {
    const data = await ok(`{ unit(name: "区商务委") { history { year lead co total completed atRisk completionRate } } }`);
    expect(data.unit.history[0]).toEqual({ year: 2021, lead: 12, co: 20, total: 32, completed: 1, atRisk: 0, completionRate: 0.0833 });
  });
});
