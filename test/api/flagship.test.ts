import { type ApiServer, startApiServer } from '../support/api-server';

/** The questions of the issue, answered over HTTP from the seeded database. */
describe('responsibility questions', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.stop());

  it('answers the flagship question: tasks where 区经济信息委 is a co-unit under 凌健 (checked against the 2024 document)', async () => {
    const { data, errors } = await api.gql(`{
      tasks(where: { coUnits: { some: { name: { eq: "区经济信息委" } } }, leaders: { some: { name: { eq: "凌健" } } } }) {
        totalCount
        nodes { year section number leaders { name } coUnits { name } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.tasks.totalCount).toBe(9);
    expect(data.tasks.nodes.map((t: { number: number }) => t.number)).toEqual([17, 18, 20, 25, 26, 27, 32, 38, 55]);
    for (const task of data.tasks.nodes) {
      expect(task).toMatchObject({ year: 2024, section: 'KEY_TASK' });
      expect(task.leaders.map((l: { name: string }) => l.name)).toContain('凌健');
      expect(task.coUnits.map((u: { name: string }) => u.name)).toContain('区经济信息委');
    }
  });

  it('finds 区文化旅游委 by its alias 区文旅委, with tasks from both years', async () => {
    const { data } = await api.gql(`{ unit(name: "区文旅委") { name aliases kind tasks(first: 100) { totalCount nodes { year } } } }`);
    expect(data.unit).toMatchObject({ name: '区文化旅游委', aliases: ['区文旅委'], kind: 'DISTRICT_DEPARTMENT' });
    expect(data.unit.tasks.totalCount).toBe(21);
    expect([...new Set(data.unit.tasks.nodes.map((t: { year: number }) => t.year))]).toEqual([2021, 2024]);
  });

  it('finds 凌健 as "凌  健", and returns null for unknown names', async () => {
    const { data, errors } = await api.gql(`{ a: leader(name: "凌  健") { name } b: leader(name: "无名氏") { name } c: unit(name: "区不存在局") { name } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: { name: '凌健' }, b: null, c: null });
  });

  it('walks a chain: leader → lead units with counts → their co-units', async () => {
    const { data } = await api.gql(`{
      leader(name: "黄可欣") {
        units(role: LEAD, year: 2024) { unit { name } taskCount }
      }
      unit(name: "区卫生健康委") { leaders(role: LEAD) { leader { name } taskCount } workload(year: 2024) { lead co total } }
    }`);
    expect(data.leader.units[0]).toEqual({ unit: { name: '区文化旅游委' }, taskCount: 7 });
    expect(data.unit.leaders).toEqual([{ leader: { name: '黄可欣' }, taskCount: 4 }]);
    // 2024 plan: lead in rows 40, 107, 114, 115; co-unit in rows 5 and 42
    expect(data.unit.workload).toEqual({ lead: 4, co: 2, total: 6 });
  });

  it('lists collaborators with the number of shared tasks, and refuses an oversized list', async () => {
    const { data } = await api.gql(`{ unit(name: "区文化旅游委") { collaborators(first: 2, year: 2024) { unit { name } sharedTasks } } }`);
    expect(data.unit.collaborators).toEqual([
      { unit: { name: '区委宣传部' }, sharedTasks: 5 }, // 2024 rows 45, 110, 117, 118, 119
      { unit: { name: '区农业农村委' }, sharedTasks: 2 }, // 2024 rows 62 and 94
    ]);
    const refused = await api.gql(`{ unit(name: "区文化旅游委") { collaborators(first: 500) { sharedTasks } } }`);
    expect(refused.errors?.[0]).toMatchObject({ message: '`first` must be between 1 and 100 (got 500).', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('shows progress with status and numbered items', async () => {
    const { data } = await api.gql(`{ tasks(where: { year: { eq: 2021 }, section: { eq: KEY_TASK }, number: { eq: 2 } }) {
      nodes { progress { period status statusReason items { number text } document { number period } } } } }`);
    const [update] = data.tasks.nodes[0].progress;
    expect(update).toMatchObject({ period: '2021-Q1', status: 'IN_PROGRESS', document: { number: '第15期', period: '2021-Q1' } });
    expect(update.items.map((i: { number: number }) => i.number)).toEqual([1, 2]);
  });
});
