import { type ApiServer, startApiServer } from '../support/api-server';

/**
 * The analysts' graph over HTTP on the seeded database, checked against an
 * independent oracle: the same collaboration graph rebuilt in plain JS from
 * assignment rows, with betweenness by brute force over all pairs (BFS
 * distances and path counts, no Brandes accumulation) — not graphology.
 */

type Adjacency = Map<string, Map<string, Set<number>>>;

/** The graph of a year's rows; without the collective units (各镇街, …) altogether when `collectives` is false. */
async function collaboration(api: ApiServer, year: number, collectives = true): Promise<Adjacency> {
  const rows: { task_id: number; name: string }[] = await api.db.dataSource.query(
    `SELECT a.task_id, u.name FROM assignment a JOIN unit u ON u.id = a.unit_id JOIN task t ON t.id = a.task_id JOIN plan p ON p.id = t.plan_id
     WHERE p.year = $1 AND ($2 OR u.kind <> 'COLLECTIVE')`,
    [year, collectives],
  );
  const byTask = new Map<number, Set<string>>();
  for (const r of rows) byTask.set(r.task_id, (byTask.get(r.task_id) ?? new Set()).add(r.name));
  const adj: Adjacency = new Map();
  for (const [task, units] of byTask) {
    for (const a of units) {
      if (!adj.has(a)) adj.set(a, new Map());
      for (const b of units) {
        if (a === b) continue;
        const shared = adj.get(a)!.get(b) ?? new Set<number>();
        adj.get(a)!.set(b, shared.add(task));
      }
    }
  }
  return adj;
}

/** Hop distances and number of shortest paths from one unit. */
function bfs(adj: Adjacency, source: string): { dist: Map<string, number>; sigma: Map<string, number> } {
  const dist = new Map([[source, 0]]);
  const sigma = new Map([[source, 1]]);
  let frontier = [source];
  while (frontier.length) {
    const next: string[] = [];
    for (const v of frontier) {
      for (const w of adj.get(v)!.keys()) {
        if (!dist.has(w)) {
          dist.set(w, dist.get(v)! + 1);
          sigma.set(w, 0);
          next.push(w);
        }
        if (dist.get(w) === dist.get(v)! + 1) sigma.set(w, sigma.get(w)! + sigma.get(v)!);
      }
    }
    frontier = next;
  }
  return { dist, sigma };
}

/** Betweenness by definition: for every unordered pair s,t and every other v on a shortest s–t path, σ(s,v)·σ(v,t)/σ(s,t). */
function bruteForceBetweenness(adj: Adjacency): Map<string, number> {
  const nodes = [...adj.keys()];
  const all = new Map(nodes.map((n) => [n, bfs(adj, n)]));
  const score = new Map(nodes.map((n) => [n, 0]));
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const s = nodes[i];
      const t = nodes[j];
      const dst = all.get(s)!.dist.get(t);
      if (dst === undefined) continue;
      const sst = all.get(s)!.sigma.get(t)!;
      for (const v of nodes) {
        if (v === s || v === t) continue;
        const dsv = all.get(s)!.dist.get(v);
        const dvt = all.get(v)!.dist.get(t);
        if (dsv !== undefined && dvt !== undefined && dsv + dvt === dst) {
          score.set(v, score.get(v)! + (all.get(s)!.sigma.get(v)! * all.get(v)!.sigma.get(t)!) / sst);
        }
      }
    }
  }
  return score;
}

async function allUnits<T>(api: ApiServer, fields: string): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors }: { data?: any; errors?: unknown } = await api.gql(
      `query ($after: String) { units(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`,
      { after },
    );
    expect(errors).toBeUndefined();
    nodes.push(...data.units.nodes);
    if (!data.units.pageInfo.hasNextPage) return nodes;
    after = data.units.pageInfo.endCursor;
  }
}

describe("the analysts' graph", () => {
  let api: ApiServer;
  let adj2024: Adjacency;
  beforeAll(async () => {
    // Relaxed limits: many unitPath questions are asked in one request on purpose (one per pair).
    api = await startApiServer({ exposeSql: true, limits: { maxAliases: 1000, maxTokens: 100_000, maxCost: 10_000_000 } });
    adj2024 = await collaboration(api, 2024);
  });
  afterAll(() => api.stop());

  describe('Leader.chain', () => {
    const CHAIN = `query ($year: Int, $section: Section) { leader(name: "凌  健") { chain(year: $year, section: $section) {
      unit { name } tasks { year section number leadUnits { name } leaders { name } } coUnits { unit { name } taskCount } } } }`;

    it('gives 凌健’s 2024 chain: each lead unit with its tasks and the co-units it pulls in (checked by hand against the document)', async () => {
      const { data, errors } = await api.gql(CHAIN, { year: 2024 });
      expect(errors).toBeUndefined();
      const chain = data.leader.chain;
      // The same lead units and counts as Leader.units(role: LEAD, year: 2024) in the README.
      expect(chain.map((l: any) => [l.unit.name, l.tasks.length])).toEqual([
        ['区经济信息委', 19], ['区科技局', 8], ['工投公司', 4], ['区人力社保局', 3], ['区商务委', 1], ['区应急管理局', 1], ['区征地事务中心', 1],
      ]);
      // 工投公司 leads key tasks 17, 32, 54, 55 under 凌健; 区经济信息委 is co-unit on 17, 32, 55 and 区科技局 on two of them.
      const gt = chain.find((l: any) => l.unit.name === '工投公司');
      expect(gt.tasks.map((t: any) => t.number)).toEqual([17, 32, 54, 55]);
      expect(gt.coUnits).toEqual([
        { unit: { name: '区经济信息委' }, taskCount: 3 },
        { unit: { name: '区科技局' }, taskCount: 2 },
      ]);
      for (const link of chain) {
        for (const task of link.tasks) {
          expect(task.year).toBe(2024);
          expect(task.leaders.map((l: any) => l.name)).toContain('凌健');
          expect(task.leadUnits.map((u: any) => u.name)).toContain(link.unit.name);
        }
      }
    });

    it('counts co-units exactly as the assignment rows say, for every link, in a few statements', async () => {
      const { data, extensions } = await api.gql(CHAIN, { year: 2024 });
      const rows: { lead: string; co: string; tasks: number }[] = await api.db.dataSource.query(
        `SELECT lu.name AS lead, cu.name AS co, count(DISTINCT t.id)::int AS tasks
         FROM task t JOIN plan p ON p.id = t.plan_id AND p.year = 2024
         JOIN task_leader tl ON tl.task_id = t.id JOIN leader l ON l.id = tl.leader_id AND l.name = '凌健'
         JOIN assignment la ON la.task_id = t.id AND la.role = 'LEAD' JOIN unit lu ON lu.id = la.unit_id
         JOIN assignment ca ON ca.task_id = t.id AND ca.role = 'CO' AND ca.unit_id <> la.unit_id JOIN unit cu ON cu.id = ca.unit_id
         GROUP BY lu.name, cu.name`,
      );
      const expected = rows.map((r) => `${r.lead}→${r.co}:${r.tasks}`).sort();
      const actual = data.leader.chain.flatMap((l: any) => l.coUnits.map((c: any) => `${l.unit.name}→${c.unit.name}:${c.taskCount}`)).sort();
      expect(actual).toEqual(expected);
      // leader, chain, the tasks of all links, their lead units and leaders: batched, not one per link or task.
      expect(extensions!.sql!.length).toBeLessThanOrEqual(5);
    });

    it('batches every leader’s chain into one statement', async () => {
      const { data, errors, extensions } = await api.gql(`{ leaders { name chain(year: 2024) { unit { name } coUnits { taskCount } } } }`);
      expect(errors).toBeUndefined();
      expect(data.leaders.length).toBeGreaterThan(5);
      expect(data.leaders.find((l: any) => l.name === '凌健').chain).toHaveLength(7);
      const chainStatements = extensions!.sql!.filter((s) => /task_leader/.test(s) && /array_agg/.test(s));
      expect(chainStatements).toHaveLength(1);
      expect(extensions!.sql!.length).toBeLessThanOrEqual(2); // the leaders, then all their chains
    });

    it('narrows to a section', async () => {
      const { data } = await api.gql(CHAIN, { year: 2024, section: 'KEY_TASK' });
      const sections = new Set(data.leader.chain.flatMap((l: any) => l.tasks.map((t: any) => t.section)));
      expect([...sections]).toEqual(['KEY_TASK']);
    });
  });

  describe('Query.unitPath', () => {
    const PATH = `query ($from: String!, $to: String!, $year: Int, $maxHops: Int) { unitPath(from: $from, to: $to, year: $year, maxHops: $maxHops) {
      units { name } hops { from { name } to { name } tasks { year section number } } } }`;

    it('joins two units that share no task through a unit that shares tasks with both, and lists those tasks', async () => {
      // 区文化旅游委 (asked for by its alias 区文旅委) and 区征地事务中心 share no 2024 task.
      expect(adj2024.get('区文化旅游委')!.has('区征地事务中心')).toBe(false);
      const { data, errors } = await api.gql(PATH, { from: '区文旅委', to: '区征地事务中心', year: 2024 });
      expect(errors).toBeUndefined();
      const path = data.unitPath;
      expect(path.units).toHaveLength(3);
      const [from, middle, to] = path.units.map((u: any) => u.name);
      expect([from, to]).toEqual(['区文化旅游委', '区征地事务中心']);
      expect(path.hops.map((h: any) => [h.from.name, h.to.name])).toEqual([[from, middle], [middle, to]]);
      // Each hop lists exactly the tasks the two units share, per the assignment rows.
      const taskIds: { id: number; number: number; section: string }[] = await api.db.dataSource.query(
        `SELECT t.id, t.number, t.section::text FROM task t JOIN plan p ON p.id = t.plan_id AND p.year = 2024`,
      );
      const label = new Map(taskIds.map((t) => [t.id, `${t.section}:${t.number}`]));
      for (const hop of path.hops) {
        const shared = [...adj2024.get(hop.from.name)!.get(hop.to.name)!].map((id) => label.get(id)).sort();
        expect(hop.tasks.map((t: any) => `${t.section}:${t.number}`).sort()).toEqual(shared);
        expect(hop.tasks.every((t: any) => t.year === 2024)).toBe(true);
      }
    });

    it('is as short as a breadth-first search says, for many pairs, and null beyond maxHops', async () => {
      const names = [...adj2024.keys()].sort();
      const sources = names.filter((_, i) => i % 9 === 0);
      const targets = names.filter((_, i) => i % 7 === 3);
      const query = sources
        .flatMap((s, i) => targets.map((t, j) => `p${i}_${j}: unitPath(from: ${JSON.stringify(s)}, to: ${JSON.stringify(t)}, year: 2024, maxHops: 8) { units { name } }`))
        .join('\n');
      const { data, errors } = await api.gql(`{ ${query} }`);
      expect(errors).toBeUndefined();
      sources.forEach((s, i) => {
        const { dist } = bfs(adj2024, s);
        targets.forEach((t, j) => {
          const got = data[`p${i}_${j}`];
          const d = dist.get(t);
          if (d === undefined || d > 8) expect(got).toBeNull();
          else {
            expect(got.units.length - 1).toBe(d);
            // consecutive units share a task
            got.units.slice(1).forEach((u: any, k: number) => expect(adj2024.get(got.units[k].name)!.has(u.name)).toBe(true));
          }
        });
      });
      const tooShort = await api.gql(PATH, { from: '区文旅委', to: '区征地事务中心', year: 2024, maxHops: 1 });
      expect(tooShort.errors).toBeUndefined();
      expect(tooShort.data.unitPath).toBeNull();
    });

    it('uses every year when none is given', async () => {
      const adj2021 = await collaboration(api, 2021);
      const { data } = await api.gql(PATH, { from: '区文旅委', to: '区征地事务中心' });
      for (const hop of data.unitPath.hops) {
        const years = new Set(hop.tasks.map((t: any) => t.year));
        for (const y of years) expect((y === 2024 ? adj2024 : adj2021).get(hop.from.name)!.has(hop.to.name)).toBe(true);
      }
      expect(data.unitPath.units.length).toBeLessThanOrEqual(3);
    });

    it.each([
      [{ from: '区不存在局', to: '区商务委' }, 'from', '`from`: no unit is named “区不存在局” (canonical name or alias).'],
      [{ from: '区商务委', to: '区不存在局' }, 'to', '`to`: no unit is named “区不存在局” (canonical name or alias).'],
      [{ from: '区商务委', to: '区文旅委', maxHops: 0 }, 'maxHops', '`maxHops` must be between 1 and 8 (got 0).'],
      [{ from: '区商务委', to: '区文旅委', maxHops: 9 }, 'maxHops', '`maxHops` must be between 1 and 8 (got 9).'],
    ])('refuses %j as BAD_USER_INPUT naming the argument', async (variables, argument, message) => {
      const { data, errors } = await api.gql(PATH, variables);
      expect(data.unitPath).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', argument } });
    });
  });

  describe('Unit.collaborators', () => {
    it('gives the shared tasks themselves (sharedTaskList), their count as sharedTaskCount, and keeps the deprecated sharedTasks', async () => {
      const { data, errors } = await api.gql(`{ unit(name: "区文化旅游委") { collaborators(first: 2, year: 2024) {
        unit { name } sharedTaskCount sharedTasks sharedTaskList { year number coUnits { name } leadUnits { name } } } } }`);
      expect(errors).toBeUndefined();
      const [first, second] = data.unit.collaborators;
      expect([first.unit.name, first.sharedTaskCount, first.sharedTasks]).toEqual(['区委宣传部', 5, 5]);
      // The 2024 rows the README's example names: 45, 110, 117, 118, 119.
      expect(first.sharedTaskList.map((t: any) => t.number).sort((x: number, y: number) => x - y)).toEqual([45, 110, 117, 118, 119]);
      expect([second.unit.name, second.sharedTaskCount, second.sharedTaskList.length]).toEqual(['区农业农村委', 2, 2]);
      for (const c of [first, second]) {
        for (const task of c.sharedTaskList) {
          expect(task.year).toBe(2024);
          const units = [...task.coUnits, ...task.leadUnits].map((u: any) => u.name);
          expect(units).toEqual(expect.arrayContaining(['区文化旅游委', c.unit.name]));
        }
      }
    });
  });

  describe('Unit.collaboratorConnection', () => {
    const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $year: Int) { unit(name: "区商务委") {
      collaboratorConnection(first: $first, after: $after, last: $last, before: $before, year: $year) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { unit { id name } sharedTaskCount sharedTaskList { id } } } } } }`;

    /** 区商务委's collaborators from the rows: most shared first, then name in code-point order, then id. */
    async function expected(year: number | null) {
      const rows: { name: string; shared: number }[] = await api.db.dataSource.query(
        `SELECT u.name, count(DISTINCT a.task_id)::int AS shared FROM unit me JOIN assignment a ON a.unit_id = me.id
         JOIN assignment b ON b.task_id = a.task_id AND b.unit_id <> me.id JOIN unit u ON u.id = b.unit_id
         JOIN task t ON t.id = a.task_id JOIN plan p ON p.id = t.plan_id
         WHERE me.name = '区商务委' AND ($1::int IS NULL OR p.year = $1) GROUP BY u.id ORDER BY shared DESC, u.name COLLATE "C", u.id`,
        [year],
      );
      return rows.map((r) => `${r.name}:${r.shared}`);
    }

    it.each([2024, null])('pages forward through every collaborator once, in a stable order, with totalCount (year %s)', async (year) => {
      const want = await expected(year);
      expect(want.length).toBeGreaterThan(25);
      const got: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const { data, errors }: { data?: any; errors?: unknown } = await api.gql<any>(PAGE, { first: 7, after, year });
        expect(errors).toBeUndefined();
        const c: any = data.unit.collaboratorConnection;
        expect(c.totalCount).toBe(want.length);
        expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
        got.push(...c.edges.map((e: any) => `${e.node.unit.name}:${e.node.sharedTaskCount}`));
        for (const e of c.edges) expect(e.node.sharedTaskList).toHaveLength(e.node.sharedTaskCount);
        if (!c.pageInfo.hasNextPage) break;
        expect(c.pageInfo.endCursor).toBe(c.edges.at(-1).cursor);
        after = c.pageInfo.endCursor;
      }
      expect(got).toEqual(want);
    });

    it('pages backward with last/before, and its first page is what the deprecated list gives', async () => {
      const want = await expected(2024);
      const end = await api.gql(PAGE, { last: 5, year: 2024 });
      expect(end.errors).toBeUndefined();
      const tail = end.data.unit.collaboratorConnection;
      expect(tail.edges.map((e: any) => `${e.node.unit.name}:${e.node.sharedTaskCount}`)).toEqual(want.slice(-5));
      expect([tail.pageInfo.hasPreviousPage, tail.pageInfo.hasNextPage]).toEqual([true, false]);
      const before = await api.gql(PAGE, { last: 5, before: tail.pageInfo.startCursor, year: 2024 });
      expect(before.data.unit.collaboratorConnection.edges.map((e: any) => `${e.node.unit.name}:${e.node.sharedTaskCount}`)).toEqual(want.slice(-10, -5));

      const old = await api.gql(`{ unit(name: "区商务委") { collaborators(first: 6, year: 2024) { unit { name } sharedTaskCount } } }`);
      expect(old.errors).toBeUndefined();
      expect(old.data.unit.collaborators.map((c: any) => `${c.unit.name}:${c.sharedTaskCount}`)).toEqual(want.slice(0, 6));
      const { data } = await api.gql(`{ __type(name: "Unit") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`);
      const field = (name: string) => data.__type.fields.find((f: any) => f.name === name);
      expect(field('collaborators')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('collaboratorConnection') });
      expect(field('collaboratorConnection').isDeprecated).toBe(false);
    });

    it('answers every unit of a page in one statement, counts only when asked, and refuses a cursor of another list', async () => {
      const { data, errors, extensions } = await api.gql(`{ units(first: 30) { nodes { name collaboratorConnection(first: 2, year: 2024) { nodes { unit { name } } } } } }`);
      expect(errors).toBeUndefined();
      expect(data.units.nodes.filter((u: any) => u.collaboratorConnection.nodes.length === 2).length).toBeGreaterThan(10);
      expect(extensions!.sql!.filter((s) => /JOIN LATERAL/.test(s) && /assignment/.test(s))).toHaveLength(1);
      expect(extensions!.sql!.some((s) => /count\(DISTINCT b\.unit_id\)/.test(s))).toBe(false);

      const tasks = await api.gql(`{ tasks(first: 1) { pageInfo { endCursor } } }`);
      const forged = await api.gql(PAGE, { first: 3, after: tasks.data.tasks.pageInfo.endCursor });
      expect(forged.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    });
  });

  describe('Unit.centrality', () => {
    it('matches a brute-force betweenness, degree and weighted degree for every unit of 2024, and ranks brokers', async () => {
      const expected = bruteForceBetweenness(adj2024);
      const units = await allUnits<{ name: string; centrality: null | { degree: number; weightedDegree: number; betweenness: number; rank: number } }>(
        api,
        'name centrality(year: 2024) { degree weightedDegree betweenness rank }',
      );
      const inGraph = units.filter((u) => u.centrality !== null);
      // A unit without a 2024 task has no centrality that year.
      expect(inGraph.map((u) => u.name).sort()).toEqual([...adj2024.keys()].sort());
      for (const { name, centrality } of inGraph) {
        const partners = adj2024.get(name)!;
        expect(centrality!.degree).toBe(partners.size);
        expect(centrality!.weightedDegree).toBe([...partners.values()].reduce((sum, tasks) => sum + tasks.size, 0));
        expect(centrality!.betweenness).toBeCloseTo(expected.get(name)!, 6);
        // rank = 1 + number of units with a strictly higher score
        const higher = [...expected.values()].filter((v) => v > expected.get(name)! + 1e-9).length;
        expect(centrality!.rank).toBe(higher + 1);
      }
    });

    it('with includeCollectives: false, computes betweenness and ranks over the graph without the collectives, beside the whole graph’s', async () => {
      // The graph without 各镇街 and the other collectives, rebuilt from the rows: not the whole graph's scores with the collectives hidden.
      const adjWithout = await collaboration(api, 2024, false);
      const [expectedAll, expectedWithout] = [bruteForceBetweenness(adj2024), bruteForceBetweenness(adjWithout)];
      type C = null | { degree: number; betweenness: number; rank: number };
      // Both options in one request: each is its own computation and cache entry.
      const units = await allUnits<{ name: string; kind: string; all: C; without: C }>(
        api,
        'name kind all: centrality(year: 2024) { degree betweenness rank } without: centrality(year: 2024, includeCollectives: false) { degree betweenness rank }',
      );
      const collectives = units.filter((u) => u.kind === 'COLLECTIVE' && u.all !== null);
      expect(collectives.map((u) => u.name)).toContain('各镇街');
      for (const u of collectives) expect(u.without).toBeNull();
      const inGraph = units.filter((u) => u.without !== null);
      expect(inGraph.map((u) => u.name).sort()).toEqual([...adjWithout.keys()].sort());
      let changed = 0;
      for (const { name, all, without } of inGraph) {
        expect(without!.degree).toBe(adjWithout.get(name)!.size);
        expect(without!.betweenness).toBeCloseTo(expectedWithout.get(name)!, 6);
        expect(without!.rank).toBe([...expectedWithout.values()].filter((v) => v > expectedWithout.get(name)! + 1e-9).length + 1);
        expect(all!.betweenness).toBeCloseTo(expectedAll.get(name)!, 6);
        if (Math.abs(all!.betweenness - without!.betweenness) > 1e-6) changed++;
      }
      // Taking the brokers out moves the others' scores: many, not a few.
      expect(changed).toBeGreaterThan(inGraph.length / 4);
    });

    it('lists brokers first with units(orderBy: BETWEENNESS DESC, year), page by page, in the brute-force order', async () => {
      const expected = bruteForceBetweenness(adj2024);
      const names: string[] = [];
      const scores: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const { data, errors }: { data?: any; errors?: unknown } = await api.gql(
          `query ($after: String) { units(orderBy: [{ field: BETWEENNESS, direction: DESC }], year: 2024, first: 30, after: $after) {
             pageInfo { hasNextPage endCursor } nodes { name centrality(year: 2024) { betweenness } } } }`,
          { after },
        );
        expect(errors).toBeUndefined();
        for (const n of data.units.nodes) {
          names.push(n.name);
          scores.push(n.centrality?.betweenness ?? 0);
        }
        if (!data.units.pageInfo.hasNextPage) break;
        after = data.units.pageInfo.endCursor;
      }
      expect(new Set(names).size).toBe(names.length); // no unit twice across pages
      expect(names.length).toBe((await api.db.dataSource.query('SELECT count(*)::int AS n FROM unit'))[0].n);
      for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
      const top5 = [...expected].sort((x, y) => y[1] - x[1]).slice(0, 5);
      expect(names.slice(0, 5)).toEqual(top5.map(([name]) => name));
      scores.slice(0, 5).forEach((s, i) => expect(s).toBeCloseTo(top5[i][1], 6));
    });

    it('ranks units(orderBy: BETWEENNESS) over the graph without the collectives with includeCollectives: false; a cursor of the other ranking is refused', async () => {
      const expected = [...bruteForceBetweenness(await collaboration(api, 2024, false))].sort((x, y) => y[1] - x[1]);
      const ORDERED = `query ($include: Boolean!, $after: String) { units(orderBy: [{ field: BETWEENNESS, direction: DESC }], year: 2024, includeCollectives: $include, first: 5, after: $after) {
        pageInfo { endCursor } nodes { name kind } } }`;
      const { data, errors } = await api.gql(ORDERED, { include: false });
      expect(errors).toBeUndefined();
      expect(data.units.nodes.map((u: any) => u.name)).toEqual(expected.slice(0, 5).map(([name]) => name));
      expect(data.units.nodes.some((u: any) => u.kind === 'COLLECTIVE')).toBe(false);
      const whole = await api.gql(ORDERED, { include: true });
      expect(whole.data.units.nodes[0].name).toBe('各镇街');
      const mixed = await api.gql(ORDERED, { include: false, after: whole.data.units.pageInfo.endCursor });
      expect(mixed.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    });

    it('refuses BETWEENNESS ordering without a year', async () => {
      const { errors } = await api.gql(`{ units(orderBy: [{ field: BETWEENNESS, direction: DESC }]) { nodes { name } } }`);
      expect(errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'year' } });
    });

    it('puts the same communities on every call (fixed seed) and every unit of the year in exactly one', async () => {
      const query = `{ units(first: 100) { nodes { name community(year: 2024) { number size units { name } } } } }`;
      const [a, b] = [await api.gql(query), await api.gql(query)];
      expect(a.errors).toBeUndefined();
      expect(a.data).toEqual(b.data);
      const withCommunity = a.data.units.nodes.filter((u: any) => u.community);
      for (const u of withCommunity) {
        expect(u.community.units.map((m: any) => m.name)).toContain(u.name);
        expect(u.community.units).toHaveLength(u.community.size);
      }
    });
  });
});
