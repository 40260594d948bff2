import { CollaborationGraph } from '../../src/graph/collaboration-graph';
import { leaderPath } from '../../src/graph/leader-path';
import { toGlobalId } from '../../src/graphql/global-id';
import { type ApiServer, startApiServer } from '../support/api-server';

/**
 * Query.leaderPath (issue 22, item 3: "a path between two leaders is
 * impossible"). The pure search on a graph worked out by hand, then the API
 * on the seeds against an oracle: breadth-first distances over the 2024
 * assignment rows, from every unit on one leader's tasks to every unit on
 * the other's — the shortest chain's length whichever one the API picks.
 */

describe('leaderPath (pure)', () => {
  //  task 1: A B   task 2: B C   task 3: C D   task 4: E     leader X has tasks 1, 4; leader Y has task 3
  const [A, B, C, D, E] = [1, 2, 3, 4, 5];
  const graph = new CollaborationGraph([
    { taskId: 1, unitIds: [A, B] },
    { taskId: 2, unitIds: [B, C] },
    { taskId: 3, unitIds: [C, D] },
    { taskId: 4, unitIds: [E] },
  ]);

  it('starts from any unit of the first leader’s tasks and stops at the first unit of the other’s', () => {
    // From {A, B, E} to {C, D}: B → C is the one shortest chain; the end steps name the tasks.
    expect(leaderPath(graph, [1, 4], [3], 4)).toEqual({ unitIds: [B, C], hops: [{ from: B, to: C, tasks: [2] }], fromTasks: [1], toTasks: [3] });
  });

  it('is one unit when a unit is on tasks of both leaders, and null beyond maxHops or with no unit', () => {
    expect(leaderPath(graph, [2], [3], 0)).toEqual({ unitIds: [C], hops: [], fromTasks: [2], toTasks: [3] });
    expect(leaderPath(graph, [1], [3], 0)).toBeNull();
    expect(leaderPath(graph, [4], [3], 8)).toBeNull(); // E is alone
    expect(leaderPath(graph, [99], [3], 8)).toBeNull(); // a task the graph does not hold
  });

  it('never runs through a unit taken out of the graph (CollaborationGraph.without)', () => {
    // From A (alone on task 8) to C (alone on task 9): A – B – C, or the long way A – F – D – C.
    const F = 6;
    const tasks = [
      { taskId: 1, unitIds: [A, B] },
      { taskId: 2, unitIds: [B, C] },
      { taskId: 5, unitIds: [A, F] },
      { taskId: 6, unitIds: [F, D] },
      { taskId: 7, unitIds: [D, C] },
      { taskId: 8, unitIds: [A] },
      { taskId: 9, unitIds: [C] },
    ];
    expect(leaderPath(new CollaborationGraph(tasks), [8], [9], 4)!.unitIds).toEqual([A, B, C]);
    expect(leaderPath(CollaborationGraph.without(tasks, new Set([B])), [8], [9], 4)!.unitIds).toEqual([A, F, D, C]);
    expect(leaderPath(CollaborationGraph.without(tasks, new Set([B])), [8], [9], 2)).toBeNull();
  });
});

type Adjacency = Map<number, Set<number>>;

function bfs(adj: Adjacency, sources: number[]): Map<number, number> {
  const dist = new Map(sources.map((s) => [s, 0]));
  let frontier = sources;
  while (frontier.length) {
    const next: number[] = [];
    for (const v of frontier) for (const w of adj.get(v) ?? []) if (!dist.has(w)) (dist.set(w, dist.get(v)! + 1), next.push(w));
    frontier = next;
  }
  return dist;
}

describe('Query.leaderPath', () => {
  let api: ApiServer;
  let leaders: { id: number; name: string; tasks: number[] }[];
  let unitsOfTask: Map<number, number[]>;
  let collectives: Set<number>;

  const adjacency = (without: Set<number>): Adjacency => {
    const adj: Adjacency = new Map();
    for (const units of unitsOfTask.values()) {
      const kept = units.filter((u) => !without.has(u));
      for (const a of kept) for (const b of kept) if (a !== b) adj.set(a, (adj.get(a) ?? new Set()).add(b));
    }
    return adj;
  };
  /** Unit-to-unit hops of the shortest chain between two leaders (undefined: none). */
  const distance = (adj: Adjacency, from: number[], to: number[], without: Set<number>) => {
    const units = (tasks: number[]) => [...new Set(tasks.flatMap((t) => unitsOfTask.get(t) ?? []))].filter((u) => !without.has(u));
    const dist = bfs(adj, units(from));
    const ends = units(to).map((u) => dist.get(u)).filter((d): d is number => d !== undefined);
    return ends.length ? Math.min(...ends) : undefined;
  };

  const PATH = `query ($from: ID!, $to: ID!, $year: Int, $maxHops: Int, $includeCollectives: Boolean) {
    leaderPath(from: $from, to: $to, year: $year, maxHops: $maxHops, includeCollectives: $includeCollectives) {
      length from { name } to { name } fromTasks { id year } units { id name kind } hops { from { id } to { id } tasks { id } } toTasks { id year } } }`;
  const dbId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);

  beforeAll(async () => {
    api = await startApiServer({ exposeSql: true, limits: { maxAliases: 1000, maxTokens: 100_000, maxCost: 10_000_000 } });
    const q = (text: string) => api.db.dataSource.query(text);
    leaders = await q(`SELECT l.id, l.name, array_agg(t.id ORDER BY t.id) AS tasks FROM leader l JOIN task_leader tl ON tl.leader_id = l.id
      JOIN task t ON t.id = tl.task_id JOIN plan p ON p.id = t.plan_id AND p.year = 2024 GROUP BY l.id ORDER BY l.id`);
    const rows: { task_id: number; units: number[] }[] = await q(`SELECT a.task_id, array_agg(a.unit_id) AS units FROM assignment a
      JOIN task t ON t.id = a.task_id JOIN plan p ON p.id = t.plan_id AND p.year = 2024 GROUP BY a.task_id`);
    unitsOfTask = new Map(rows.map((r) => [r.task_id, r.units]));
    collectives = new Set((await q(`SELECT id FROM unit WHERE kind = 'COLLECTIVE'`)).map((r: { id: number }) => r.id));
  });
  afterAll(() => api.stop());

  /** The chain is well formed: ends on the leaders' tasks, each hop a pair of units on each of its tasks. */
  function expectChain(path: any, from: { tasks: number[] }, to: { tasks: number[] }, without: Set<number>) {
    const units = path.units.map((u: any) => dbId(u.id));
    expect(path.length).toBe(units.length + 1);
    expect(path.hops).toHaveLength(units.length - 1);
    for (const u of units) expect(without.has(u)).toBe(false);
    const first = units[0];
    const last = units.at(-1);
    // fromTasks: exactly the first leader's tasks the first unit is on, and likewise at the other end.
    expect(path.fromTasks.map((t: any) => dbId(t.id)).sort()).toEqual(from.tasks.filter((t) => unitsOfTask.get(t)?.includes(first)).sort());
    expect(path.toTasks.map((t: any) => dbId(t.id)).sort()).toEqual(to.tasks.filter((t) => unitsOfTask.get(t)?.includes(last)).sort());
    path.hops.forEach((hop: any, i: number) => {
      expect([dbId(hop.from.id), dbId(hop.to.id)]).toEqual([units[i], units[i + 1]]);
      expect(hop.tasks.length).toBeGreaterThan(0);
      for (const t of hop.tasks) expect(unitsOfTask.get(dbId(t.id))).toEqual(expect.arrayContaining([units[i], units[i + 1]]));
    });
  }

  it.each([true, false])('is as short as a breadth-first search says for every pair of 2024 leaders (includeCollectives: %s)', async (includeCollectives) => {
    const without = includeCollectives ? new Set<number>() : collectives;
    const adj = adjacency(without);
    expect(leaders.length).toBeGreaterThan(5);
    const pairs = leaders.flatMap((a, i) => leaders.slice(i + 1).map((b) => [a, b] as const));
    const query = pairs
      .map(([a, b], k) => `p${k}: leaderPath(from: "${toGlobalId('Leader', a.id)}", to: "${toGlobalId('Leader', b.id)}", year: 2024, maxHops: 8, includeCollectives: ${includeCollectives}) {
        length fromTasks { id } units { id } hops { from { id } to { id } tasks { id } } toTasks { id } }`)
      .join('\n');
    const { data, errors } = await api.gql(`{ ${query} }`);
    expect(errors).toBeUndefined();
    let found = 0;
    pairs.forEach(([a, b], k) => {
      const got = data[`p${k}`];
      const d = distance(adj, a.tasks, b.tasks, without);
      if (d === undefined) expect(got).toBeNull();
      else {
        found++;
        expect(got.hops.length).toBe(d);
        expectChain(got, a, b, without);
      }
    });
    expect(found).toBeGreaterThan(pairs.length / 2);
  });

  it('chains two leaders who share no unit through the units between them, with the tasks of every step', async () => {
    const adj = adjacency(new Set());
    // A pair whose units never meet on one task: the chain needs at least one unit-to-unit hop.
    const pair = leaders.flatMap((a) => leaders.map((b) => [a, b] as const)).find(([a, b]) => distance(adj, a.tasks, b.tasks, new Set()) === 1);
    expect(pair).toBeDefined();
    const [a, b] = pair!;
    const { data, errors } = await api.gql(PATH, { from: toGlobalId('Leader', a.id), to: toGlobalId('Leader', b.id), year: 2024 });
    expect(errors).toBeUndefined();
    const path = data.leaderPath;
    expect([path.from.name, path.to.name]).toEqual([a.name, b.name]);
    expect(path.length).toBe(3); // leader → unit → unit → leader
    expect(path.fromTasks.every((t: any) => t.year === 2024) && path.toTasks.every((t: any) => t.year === 2024)).toBe(true);
    expectChain(path, a, b, new Set());
    // maxHops: 0 accepts only a unit on tasks of both: there is none.
    const none = await api.gql(PATH, { from: toGlobalId('Leader', a.id), to: toGlobalId('Leader', b.id), year: 2024, maxHops: 0 });
    expect(none.errors).toBeUndefined();
    expect(none.data.leaderPath).toBeNull();
  });

  it('is null for a leader without a task that year, and across every year finds them', async () => {
    // Every 2024 leader has a 2024 task; one of them with no 2021 task is asked for in 2021.
    const [{ id }] = await api.db.dataSource.query(`SELECT l.id FROM leader l WHERE NOT EXISTS (SELECT 1 FROM task_leader tl JOIN task t ON t.id = tl.task_id
      JOIN plan p ON p.id = t.plan_id AND p.year = 2021 WHERE tl.leader_id = l.id) AND l.id = ANY($1) ORDER BY l.id LIMIT 1`, [leaders.map((l) => l.id)]);
    const other = leaders.find((l) => l.id !== id)!;
    const variables = { from: toGlobalId('Leader', id), to: toGlobalId('Leader', other.id) };
    const in2021 = await api.gql(PATH, { ...variables, year: 2021 });
    expect(in2021.errors).toBeUndefined();
    expect(in2021.data.leaderPath).toBeNull();
    const allYears = await api.gql(PATH, variables);
    expect(allYears.errors).toBeUndefined();
    expect(allYears.data.leaderPath.from.name).toBe(leaders.find((l) => l.id === id)!.name);
  });

  it('leaves the collectives out with includeCollectives: false, where they made a chain shorter', async () => {
    const withAll = adjacency(new Set());
    const withoutCollectives = adjacency(collectives);
    const pair = leaders
      .flatMap((a) => leaders.map((b) => [a, b] as const))
      .find(([a, b]) => (distance(withoutCollectives, a.tasks, b.tasks, collectives) ?? 99) > distance(withAll, a.tasks, b.tasks, new Set())!);
    expect(pair).toBeDefined();
    const variables = { from: toGlobalId('Leader', pair![0].id), to: toGlobalId('Leader', pair![1].id), year: 2024, maxHops: 8 };
    const [all, real] = [await api.gql(PATH, variables), await api.gql(PATH, { ...variables, includeCollectives: false })];
    // Every shortest chain of the whole graph runs through a collective, since without them it is longer.
    expect(all.data.leaderPath.units.some((u: any) => u.kind === 'COLLECTIVE')).toBe(true);
    const expected = distance(withoutCollectives, pair![0].tasks, pair![1].tasks, collectives);
    if (expected === undefined) expect(real.data.leaderPath).toBeNull();
    else {
      expect(real.data.leaderPath.hops).toHaveLength(expected);
      expect(real.data.leaderPath.units.some((u: any) => u.kind === 'COLLECTIVE')).toBe(false);
    }
  });

  it.each([
    [{ from: 'bm90IGFuIGlk', to: 'Leader' }, 'from', '`from` must be the id of a Leader (its `id` field); "bm90IGFuIGlk" is not.'],
    [{ from: 'Leader', to: toGlobalId('Unit', 1) }, 'to', `\`to\` must be the id of a Leader (its \`id\` field); "${toGlobalId('Unit', 1)}" is not.`],
    [{ from: 'Leader', to: toGlobalId('Leader', 999999) }, 'to', `\`to\`: no leader has the id "${toGlobalId('Leader', 999999)}".`],
    [{ from: 'Leader', to: 'Leader', maxHops: 9 }, 'maxHops', '`maxHops` must be between 0 and 8 (got 9).'],
  ])('refuses %j as BAD_USER_INPUT naming the argument', async (variables, argument, message) => {
    // 'Leader' stands for a real leader's id.
    const real = toGlobalId('Leader', leaders[0].id);
    const resolved = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v === 'Leader' ? real : v]));
    const { data, errors } = await api.gql(PATH, resolved);
    expect(data.leaderPath).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', argument } });
  });
});
