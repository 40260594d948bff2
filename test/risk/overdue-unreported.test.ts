import { startApiServer, type ApiServer } from '../support/api-server';

/**
 * Issue 22, item 1, on the seeds alone: the 2024 plan has no progress report
 * in seeds/, so at its own default date (the plan's date) its 144 tasks are
 * not judged yet, but on 2025-03-01, past every deadline of that plan, they
 * are red: overdue with no report (逾期未报). The Task.risk answer (JS rules)
 * and the risk filter and taskStats (SQL) must say the same.
 */
let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.stop());

async function ok(query: string): Promise<any> {
  const response = await api.gql(query);
  expect(response.errors).toBeUndefined();
  return response.data;
}

it('the 2024 plan, unreported, is UNKNOWN at its default date and RED on 2025-03-01', async () => {
  const stats = async (asOf: string | null) =>
    (await ok(`{ taskStats(where: { year: { eq: 2024 } }, groupBy: [RISK]${asOf ? `, asOf: "${asOf}"` : ''}) { risk count } }`)).taskStats;
  expect(await stats(null)).toEqual([{ risk: 'UNKNOWN', count: 144 }]);
  expect(await stats('2025-03-01')).toEqual([{ risk: 'RED', count: 144 }]);
  const red = await ok(`{ tasks(where: { year: { eq: 2024 }, risk: { level: RED, asOf: "2025-03-01" } }) { totalCount } }`);
  expect(red.tasks.totalCount).toBe(144);
});

it('gives the deadline and the last report date as the reason', async () => {
  const data = await ok(`{ tasks(where: { year: { eq: 2024 }, section: { eq: KEY_TASK }, number: { eq: 1 } }) {
    nodes { due { date } risk(asOf: "2025-03-01") { level reasons { rule detail } } } } }`);
  expect(data.tasks.nodes[0]).toEqual({
    due: { date: '2024-12-31' },
    risk: {
      level: 'RED',
      reasons: [
        {
          rule: 'OVERDUE_UNREPORTED',
          detail: 'past its deadline 2024-12-31 and no progress report has an update on it (逾期未报); the 2024 plan has no progress report dated on or before 2025-03-01',
        },
      ],
    },
  });
});

it('keeps a task whose deadline is still ahead UNKNOWN (NO_REPORT_YET)', async () => {
  const data = await ok(`{ tasks(where: { year: { eq: 2024 }, risk: { level: UNKNOWN, asOf: "2024-12-31" } }) { totalCount nodes { risk(asOf: "2024-12-31") { reasons { rule } } } } }`);
  // Every task of the seed's 2024 plan is due at the year's end: on that day its deadline is not past yet.
  expect(data.tasks.totalCount).toBe(144);
  for (const t of data.tasks.nodes) expect(t.risk.reasons).toEqual([{ rule: 'NO_REPORT_YET' }]);
});
