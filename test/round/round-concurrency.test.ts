import { toGlobalId } from '../../src/graphql/global-id';
import { AccountRole, makeKey } from '../support/accounts';
import { startApiServer, type ApiServer } from '../support/api-server';
import { OPEN, SUBMIT } from './support';

/**
 * More report mutations at once than the pool has connections (pg's default
 * ten), as a unit submitting its whole list does. The policy's relations to
 * each task must be read on the mutation's own transaction (taskRelationsIn):
 * read through a second pooled connection, ten submissions each waited for an
 * eleventh that none of them gave back.
 */
let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.stop(), 30_000);

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms: the pool is starved`)), ms).unref())]);

it('twelve submissions and twelve round openings at once are all answered', async () => {
  const ds = api.db.dataSource;
  const office = await makeKey(ds, AccountRole.OFFICE, { name: '督查办' });
  const unit = await makeKey(ds, AccountRole.UNIT, { unit: '区经济信息委' });
  const [plan] = await ds.query(`SELECT id FROM plan WHERE year = 2024`);
  const opened = await within(
    20_000,
    Promise.all(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', ...Array(8).fill('2024-Q1')].map((period) => api.gql(OPEN, { input: { plan: toGlobalId('Plan', plan.id), period, dueOn: '2099-04-05' } }, office.token))),
  );
  expect(opened.map((r) => r.errors)).toEqual(opened.map(() => undefined));
  // One round per plan and period: four opened, the other eight refused as already open.
  expect(opened.filter((r) => r.data.openRound.userErrors.length === 0)).toHaveLength(4);
  const round = opened[0].data.openRound.round.id;

  const tasks: { id: number }[] = await ds.query(
    `SELECT DISTINCT a.task_id AS id FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE u.name = '区经济信息委' AND a.role = 'LEAD' ORDER BY 1 LIMIT 12`,
  );
  expect(tasks).toHaveLength(12);
  const submitted = await within(
    20_000,
    Promise.all(tasks.map((t) => api.gql(SUBMIT, { input: { round, task: toGlobalId('Task', t.id), text: '正在推进。' } }, unit.token))),
  );
  expect(submitted.map((r) => r.errors ?? r.data.submitProgress.userErrors)).toEqual(tasks.map(() => []));
}, 60_000);
