import fs from 'node:fs';
import path from 'node:path';
import { startApiServer, type ApiServer } from '../support/api-server';

/**
 * Every example GraphiQL preloads (src/web/examples.json) runs against
 * the seeded API without errors, and what its comment claims holds on the
 * seeds. Examples are found by operation name, so a retitled tab still counts;
 * an example without a check here fails the test, so a new one needs one.
 */
const examples: { title: string; query: string }[] = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'web', 'examples.json'), 'utf8'));
const nameOf = (query: string) => /\bquery\s+(\w+)/.exec(query)?.[1] ?? '(anonymous)';

type Check = (data: any) => void;

/** The claims of each example's comment (or title), as its reader would check them. */
const CLAIMS: Record<string, Check> = {
  // “All tasks where 区经济信息委 is a co-unit and 凌健 is the responsible leader”: the README's 9.
  Flagship: (d) => {
    expect(d.tasks.totalCount).toBe(9);
    for (const t of d.tasks.nodes) expect(t.coUnits.map((u: any) => u.name)).toContain('区经济信息委');
  },
  LeaderChain: (d) => {
    expect(d.leader.name).toBe('凌健');
    expect(d.leader.units[0]).toEqual({ unit: { name: '区经济信息委', kind: expect.any(String) }, taskCount: 19 });
  },
  // Aliases work: 区文旅委 finds 区文化旅游委.
  UnitAcrossYears: (d) => {
    expect(d.unit.name).toBe('区文化旅游委');
    expect(d.unit.aliases).toContain('区文旅委');
  },
  Workloads: (d) => {
    expect(d.workloads.totalCount).toBe(115);
    const totals = d.workloads.edges.map((e: any) => e.node.total);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => b - a));
  },
  Tasks: (d) => {
    expect(d.tasks.totalCount).toBe(136);
    expect(d.tasks.nodes.map((t: any) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  },
  // “each lead unit with the tasks it leads for him and the co-units it pulls in”.
  ResponsibilityChain: (d) => {
    expect(d.leader.chain.length).toBeGreaterThan(0);
    for (const link of d.leader.chain) expect(link.tasks.length).toBeGreaterThan(0);
  },
  // “Two units that share no 2024 task: the shortest chain of units joined by shared tasks”.
  UnitPath: (d) => {
    const units = d.unitPath.units.map((u: any) => u.name);
    expect(units[0]).toBe('区文化旅游委');
    expect(units.at(-1)).toBe('区征地事务中心');
    expect(d.unitPath.hops.length).toBeGreaterThanOrEqual(2);
    for (const hop of d.unitPath.hops) expect(hop.tasks.length).toBeGreaterThan(0);
  },
  // “The shortest chain between two leaders … includeCollectives: false leaves 各镇街 … out”.
  LeaderPath: (d) => {
    const p = d.leaderPath;
    expect([p.from.name, p.to.name]).toEqual(['凌健', '高波']);
    expect(p.length).toBe(p.hops.length + 2);
    expect(p.units.some((u: any) => u.kind === 'COLLECTIVE')).toBe(false);
    expect(p.fromTasks.length).toBeGreaterThan(0);
    expect(p.toTasks.length).toBeGreaterThan(0);
    p.hops.forEach((hop: any, i: number) => expect([hop.from.name, hop.to.name]).toEqual([p.units[i].name, p.units[i + 1].name]));
  },
  // “Units ranked by betweenness”: descending, ranks 1, 2, 3 …; without the collectives 各镇街 has none.
  Brokers: (d) => {
    expect(d.units.nodes[0]).toMatchObject({ name: '各镇街', withoutCollectives: null });
    expect(d.units.nodes.filter((u: any) => u.withoutCollectives !== null).length).toBeGreaterThan(5);
    const b = d.units.nodes.map((u: any) => u.centrality.betweenness);
    expect(b).toEqual([...b].sort((x: number, y: number) => y - x));
    expect(d.units.nodes.map((u: any) => u.centrality.rank)).toEqual(d.units.nodes.map((_: unknown, i: number) => i + 1));
    expect(d.unit.community.units.map((u: any) => u.name)).toContain('区经济信息委');
  },
  // “红灯 tasks … counted per year and responsible leader, then listed with the rules that fired”.
  RedByLeader: (d) => {
    for (const g of d.taskStats) expect(g.red).toBe(g.count);
    expect(d.tasks.totalCount).toBe(1);
    for (const t of d.tasks.nodes) expect(t.risk.level).toBe('RED');
    const byYear = d.taskStats.filter((g: any) => g.year === 2021).reduce((s: number, g: any) => s + g.count, 0);
    expect(byYear).toBeGreaterThanOrEqual(1);
  },
  // “unreported.count equals the length of that report's missingTasks (on the seeds: 0 …)”.
  Unreported: (d) => {
    const report = d.plans.flatMap((p: any) => p.documents).find((doc: any) => doc.period === '2021-Q1');
    expect(report.missingTasks).toEqual([]);
    expect(d.unreported).toEqual([{ count: report.missingTasks.length }]);
    expect(d.byUnit).toEqual([]);
  },
  // “completionRate counts lead units (牵头单位) only, so read the LEAD rows”.
  CompletionByLeadUnit: (d) => {
    for (const r of d.taskStats.filter((x: any) => x.role === 'CO')) expect(r.completionRate).toBeNull();
    const lead = d.taskStats.find((x: any) => x.role === 'LEAD' && x.unitNode.name === '区商务委');
    expect(lead).toMatchObject({ count: 12, completed: 1, completionRate: 0.0833 });
  },
};

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.stop());

it('has a check for every bundled example', () => {
  expect(examples.map((e) => nameOf(e.query)).sort()).toEqual(Object.keys(CLAIMS).sort());
});

it.each(examples.map((e) => [nameOf(e.query), e.query]))('%s runs without errors and its comment holds', async (name, query) => {
  const response = await api.gql(query);
  expect(response.errors).toBeUndefined();
  CLAIMS[name](response.data);
});
