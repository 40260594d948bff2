import { toGlobalId } from '../../src/graphql/global-id';
import { workflowWorld, type WorkflowWorld } from '../extension/workflow-fixture';

/**
 * More workflow mutations at once than the pool has connections (pg's default
 * ten). Each holds its transaction's connection from BEGIN to COMMIT; the
 * policy's relations to the target must be read on that connection, not on a
 * second one from the same pool, or ten mutations each wait for an eleventh
 * connection that none of them will give back.
 */
let w: WorkflowWorld;
beforeAll(async () => {
  w = await workflowWorld();
}, 120_000);
afterAll(() => w?.api.stop(), 30_000);

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms: the pool is starved`)), ms).unref())]);

it('twelve closings and twelve extension requests at once are all answered', async () => {
  const rows: { id: number }[] = await w.api.db.dataSource.query(
    `SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024 ORDER BY t.id LIMIT 12`,
  );
  expect(rows).toHaveLength(12);
  const CLOSE = `mutation($input: CloseTaskInput!) { closeTask(input: $input) { userErrors { code } task { closure { state } } } }`;
  const closed = await within(20_000, Promise.all(rows.map((r) => w.api.gql(CLOSE, { input: { task: toGlobalId('Task', r.id), reason: '已办结' } }, w.office.token))));
  expect(closed.map((r) => r.errors ?? r.data.closeTask)).toEqual(rows.map(() => ({ userErrors: [], task: { closure: { state: 'CLOSED' } } })));

  const task = await w.task2099(2);
  const REQUEST = `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { userErrors { code } } }`;
  const asked = await within(
    20_000,
    Promise.all(Array.from({ length: 12 }, (_, i) => w.api.gql(REQUEST, { input: { task, newDue: `2100-01-${String(i + 10)}`, reason: '同时申请' } }, w.unit.token))),
  );
  expect(asked.map((r) => r.errors)).toEqual(asked.map(() => undefined));
  expect(asked.map((r) => r.data.requestExtension.userErrors.map((e: { code: string }) => e.code).join()).sort()).toEqual(['', ...Array(11).fill('ILLEGAL_TRANSITION')]);
}, 60_000);
