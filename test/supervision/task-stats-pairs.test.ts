import { type ApiServer, startApiServer } from '../support/api-server';
import { REPORTS_2024 } from '../support/reports-2024';

/**
 * taskStats by every two dimensions, against a JS oracle built from the tasks
 * themselves (their leaders, units, newest status and light as Task answers
 * them): every group, every count, completed and the completion rate. At the
 * default date the light is the stored task.risk_level; at another date it is
 * worked out per task, by the statement's other path.
 */
const DIMS = ['YEAR', 'SECTION', 'CATEGORY', 'LEADER', 'UNIT', 'ROLE', 'STATUS', 'RISK', 'JURISDICTION'] as const;
type Dim = (typeof DIMS)[number];
const PAIRS = DIMS.flatMap((a, i) => DIMS.slice(i + 1).map((b) => [a, b] as [Dim, Dim]));

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ ...REPORTS_2024 });
}, 120_000);
afterAll(() => api?.stop());

async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await api.gql(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data;
}

async function allTasks(asOf: string | null): Promise<any[]> {
  const tasks: any[] = [];
  let after: string | null = null;
  do {
    const page: any = (
      await ok(
        `query($after: String, $asOf: String) { tasks(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes {
          year section category { id } leaders { id } leadUnits { id } coUnits { id } latestProgress { status } risk(asOf: $asOf) { level } plan { jurisdiction } } } }`,
        { after, asOf },
      )
    ).tasks;
    tasks.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return tasks;
}

interface Row {
  key: Record<Dim, unknown>;
  lead: boolean;
  task: any;
}

/** A task's rows for a grouping: one per leader and/or per (unit, role), as the statement joins them; one null row when it has none. */
function rowsOf(task: any, dims: Dim[]): Row[] {
  const base = {
    YEAR: task.year,
    SECTION: task.section,
    CATEGORY: task.category?.id ?? null,
    STATUS: task.latestProgress?.status ?? null,
    RISK: task.risk.level,
    JURISDICTION: task.plan.jurisdiction,
  };
  let rows: Row[] = [{ key: { ...base, LEADER: null, UNIT: null, ROLE: null }, lead: false, task }];
  if (dims.includes('LEADER') && task.leaders.length) rows = task.leaders.map((l: any) => ({ ...rows[0], key: { ...rows[0].key, LEADER: l.id } }));
  if (dims.includes('UNIT') || dims.includes('ROLE')) {
    const assignments = [...task.leadUnits.map((u: any) => [u.id, 'LEAD']), ...task.coUnits.map((u: any) => [u.id, 'CO'])];
    if (assignments.length) rows = rows.flatMap((r) => assignments.map(([unit, role]) => ({ ...r, key: { ...r.key, UNIT: unit, ROLE: role }, lead: role === 'LEAD' })));
  }
  return rows;
}

function oracle(tasks: any[], dims: Dim[]): Map<string, any> {
  const groups = new Map<string, { count: number; completed: number; rated: number; ratedCompleted: number; red: number; yellow: number; green: number; unknown: number }>();
  for (const row of tasks.flatMap((t) => rowsOf(t, dims))) {
    const key = JSON.stringify(dims.map((d) => row.key[d]));
    const g = groups.get(key) ?? { count: 0, completed: 0, rated: 0, ratedCompleted: 0, red: 0, yellow: 0, green: 0, unknown: 0 };
    const completed = row.task.latestProgress?.status === 'COMPLETED';
    // 牵头单位负责制: by unit, the completion rate counts lead rows only.
    const rated = !dims.includes('UNIT') || row.lead;
    g.count++;
    g.completed += completed ? 1 : 0;
    g.rated += rated ? 1 : 0;
    g.ratedCompleted += rated && completed ? 1 : 0;
    g[row.task.risk.level.toLowerCase() as 'red' | 'yellow' | 'green' | 'unknown']++;
    groups.set(key, g);
  }
  return new Map(
    [...groups].map(([key, g]) => [
      key,
      {
        count: g.count,
        completed: g.completed,
        completionRate: g.rated ? Math.round((g.ratedCompleted / g.rated) * 10000) / 10000 : null,
        red: g.red,
        yellow: g.yellow,
        green: g.green,
        unknown: g.unknown,
        atRisk: g.red + g.yellow,
      },
    ]),
  );
}

const keyOf = (r: any): Record<Dim, unknown> => ({
  YEAR: r.year,
  SECTION: r.section,
  CATEGORY: r.categoryNode?.id ?? null,
  LEADER: r.leaderNode?.id ?? null,
  UNIT: r.unitNode?.id ?? null,
  ROLE: r.role,
  STATUS: r.status,
  RISK: r.risk,
  JURISDICTION: r.jurisdiction,
});

async function stats(dims: Dim[], asOf: string | null): Promise<Map<string, any>> {
  const rows = (
    await ok(
      `query($asOf: String) { taskStats(groupBy: [${dims.join(', ')}], asOf: $asOf) {
        year section categoryNode { id } leaderNode { id } unitNode { id } role status risk jurisdiction
        count completed completionRate red yellow green unknown atRisk } }`,
      { asOf },
    )
  ).taskStats;
  return new Map(
    rows.map((r: any) => {
      const { count, completed, completionRate, red, yellow, green, unknown, atRisk } = r;
      return [JSON.stringify(dims.map((d) => keyOf(r)[d])), { count, completed, completionRate, red, yellow, green, unknown, atRisk }];
    }),
  );
}

describe.each([null, '2024-04-10'])('at %s', (asOf) => {
  let tasks: any[];
  beforeAll(async () => {
    tasks = await allTasks(asOf);
  });

  it('the oracle sees every task, in more than one light', () => {
    expect(tasks).toHaveLength(304);
    expect(new Set(tasks.map((t) => t.risk.level)).size).toBeGreaterThan(2);
  });

  it.each(PAIRS)('by [%s, %s] gives the groups and counts worked out from the tasks', async (a, b) => {
    expect(await stats([a, b], asOf)).toEqual(oracle(tasks, [a, b]));
  });
});
