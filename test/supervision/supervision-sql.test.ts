import path from 'node:path';
import { formatSql } from '../support/format-sql';
import { expectSnapshot } from '../support/snapshot';
import { type ApiServer, startApiServer } from '../support/api-server';
import { REPORTS_2024 } from '../support/reports-2024';

/**
 * taskStats is one statement, whatever it groups by; the supervision fields
 * of a task list cost a fixed number of statements however many tasks come
 * back. The taskStats statement is kept as a snapshot (refresh with
 * UPDATE_SNAPSHOTS=1), like test/api/__sql__/three-level.sql.
 */
const SNAPSHOT = path.join(__dirname, '__sql__', 'task-stats.sql');
let api: ApiServer;

beforeAll(async () => {
  api = await startApiServer({ exposeSql: true, ...REPORTS_2024 });
}, 120_000);
afterAll(() => api?.stop());

it('taskStats issues the recorded single statement', async () => {
  const response = await api.gql(`{ taskStats(where: { year: { eq: 2024 }, risk: { in: [RED, YELLOW] } }, groupBy: [LEADER, UNIT, ROLE, RISK], asOf: "2024-07-12") { leader unit role risk count completionRate red } }`);
  expect(response.errors).toBeUndefined();
  expect(response.extensions!.sql).toHaveLength(1);
  const actual = `${response.extensions!.sql!.join(';\n')};\n`;
  expectSnapshot(SNAPSHOT, formatSql(actual));
});

it('supervision fields cost the same statements for 1 task as for 100', async () => {
  const query = (n: number) => `{ tasks(where: { year: { eq: 2024 } }, first: ${n}) { nodes {
    due { date } expectedPercent risk { level reasons { rule } } reported(period: "2024-Q2")
    latestProgress { percent change { percentDelta } } } } }`;
  const one = await api.gql(query(1));
  const many = await api.gql(query(100));
  expect(many.errors).toBeUndefined();
  // page, deadlines, risk inputs, progress timeline
  expect(many.extensions!.sql).toHaveLength(4);
  expect(one.extensions!.sql).toHaveLength(4);
});

it('history of every unit is one statement', async () => {
  const response = await api.gql(`{ units(first: 100) { nodes { name history { year lead co completed atRisk } } } }`);
  expect(response.errors).toBeUndefined();
  expect(response.extensions!.sql!.filter((s) => /WITH links/.test(s))).toHaveLength(1);
});
