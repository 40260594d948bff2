import fs from 'node:fs';
import path from 'node:path';
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
    // leaders, task pages, task counts, categories, assignments (+units), aliases, progress, documents
    expect(large.extensions!.sql!.length).toBe(8);
  });

  it('issues the recorded statements', async () => {
    const { extensions } = await api.gql(QUERY(5));
    const actual = `${extensions!.sql!.join(';\n')};\n`;
    if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(SNAPSHOT)) {
      if (process.env.CI) throw new Error(`${SNAPSHOT} is missing; snapshots are written only by a developer (UPDATE_SNAPSHOTS=1)`);
      fs.mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
      fs.writeFileSync(SNAPSHOT, actual);
    }
    expect(actual).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
  });

  it('keeps the flagship question to one statement plus one per relation', async () => {
    const { extensions } = await api.gql(`{ tasks(where: { coUnits: { some: { name: { eq: "区经济信息委" } } }, leaders: { some: { name: { eq: "凌健" } } } }) {
      totalCount nodes { number leadUnits { name } coUnits { name } leaders { name } } } }`);
    expect(extensions!.sql).toHaveLength(4); // page, count, assignments (lead + co), leaders
  });
});
