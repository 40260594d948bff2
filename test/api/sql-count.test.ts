import path from 'node:path';
import { formatSql } from '../support/format-sql';
import { expectSnapshot } from '../support/snapshot';
import { type ApiServer, startApiServer } from '../support/api-server';

/**
 * A three-level query (leaders → their tasks → the tasks' units and
 * progress) must cost a fixed number of statements however many rows come
 * back: one per level and relation, never one per row. The statements are
 * kept as a snapshot so any change in the SQL shows up in review; refresh it
 * with UPDATE_SNAPSHOTS=1.
 */
const QUERY = (size: number) => `{
  leaders {
    name
    tasks(first: ${size}) {
      totalCount
      nodes { number category { name } leadUnits { name } coUnits { name aliases } progress { status } document { title } }
    }
  }
}`;
const SNAPSHOT = path.join(__dirname, '__sql__', 'three-level.sql');

describe('SQL per request', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer({ exposeSql: true });
  });
  afterAll(() => api.stop());

  it('stays constant while the rows returned grow', async () => {
    const small = await api.gql(QUERY(1));
    const large = await api.gql(QUERY(50));
    const rows = (r: typeof small) => r.data.leaders.reduce((n: number, l: { tasks: { nodes: unknown[] } }) => n + l.tasks.nodes.length, 0);
    expect(rows(small)).toBe(9);
    expect(rows(large)).toBe(145);
    expect(large.extensions!.sql!.length).toBe(small.extensions!.sql!.length);
    // leaders; then every leader's task page with its count and the tasks' category, units (+aliases), progress and document
    expect(large.extensions!.sql!.length).toBe(2);
  });

  it('issues the recorded statements', async () => {
    const { extensions } = await api.gql(QUERY(5));
    const actual = `${extensions!.sql!.join(';\n')};\n`;
    expectSnapshot(SNAPSHOT, formatSql(actual));
  });

  it('answers the flagship question in one statement', async () => {
    const { extensions } = await api.gql(`{ tasks(where: { coUnits: { some: { name: { eq: "区经济信息委" } } }, leaders: { some: { name: { eq: "凌健" } } } }) {
      totalCount nodes { number leadUnits { name } coUnits { name } leaders { name } } } }`);
    expect(extensions!.sql).toHaveLength(1); // page, count and the selected relations in one statement
  });

  it('answers relations fetched with the page exactly as the loaders do', async () => {
    const fields = `id number category { name } leaders { name } leadUnits { name aliases } coUnits { name kind }
      assignments { role position writtenAs unit { name aliases } } progress { period status text } document { title date importedAt } plan { year jurisdiction }`;
    const { data, extensions } = await api.gql(`{ tasks(first: 30, where: { units: { some: { name: { eq: "区文旅委" } } } }) { totalCount edges { node { ${fields} } } } }`);
    expect(extensions!.sql).toHaveLength(1);
    const nodes = data.tasks.edges.map((e: { node: { id: string } }) => e.node);
    expect(nodes.length).toBeGreaterThan(5);
    // node(id) loads the task alone and its relations through the batched loaders, not through the page statement.
    // In requests of 10 aliases: the server refuses more than maxAliases (15) in one operation.
    const viaLoaders: unknown[] = [];
    for (let start = 0; start < nodes.length; start += 10) {
      const chunk = nodes.slice(start, start + 10);
      const { data: loaded } = await api.gql(`{ ${chunk.map((n: { id: string }, i: number) => `t${i}: node(id: "${n.id}") { ... on Task { ${fields} } }`).join('\n')} }`);
      viaLoaders.push(...chunk.map((_: unknown, i: number) => loaded[`t${i}`]));
    }
    expect(nodes).toEqual(viaLoaders);
  });

  it('counts units and workloads in the statement of their page', async () => {
    const units = await api.gql(`{ units(first: 3, where: { name: { startsWith: "区" } }) { totalCount nodes { name } } }`);
    expect(units.extensions!.sql).toHaveLength(1);
    expect(units.data.units.totalCount).toBeGreaterThan(3);
    const workloads = await api.gql(`{ workloads(year: 2024, first: 5) { totalCount nodes { total } } }`);
    expect(workloads.extensions!.sql).toHaveLength(1);
    expect(workloads.data.workloads.totalCount).toBeGreaterThan(5);
  });

  it('counts an empty page after the last cursor and a parent without matches', async () => {
    const { data } = await api.gql(`{ tasks(last: 1) { totalCount pageInfo { endCursor } } }`);
    const after = await api.gql(`query($c: String) { tasks(after: $c, first: 5) { totalCount nodes { leaders { name } } } }`, { c: data.tasks.pageInfo.endCursor });
    expect(after.data.tasks).toEqual({ totalCount: data.tasks.totalCount, nodes: [] });
    const none = await api.gql(`{ leaders { tasks(where: { number: { eq: -1 } }) { totalCount nodes { number } } } }`);
    expect(none.data.leaders.every((l: { tasks: unknown }) => JSON.stringify(l.tasks) === '{"totalCount":0,"nodes":[]}')).toBe(true);
  });
});
