import path from 'node:path';
import { toGlobalId } from '../../src/graphql/global-id';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { startApiServer, type ApiServer } from '../support/api-server';

/**
 * The seeds plus a made-up 2099 plan (test/fixtures/plan-2099.txt), whose
 * deadlines are still ahead whenever the tests run, and 渝中区's plan, whose
 * office is another district's. Keys for each kind of actor.
 */
export interface WorkflowWorld {
  api: ApiServer;
  admin: TestKey;
  office: TestKey;
  otherOffice: TestKey;
  unit: TestKey;
  otherUnit: TestKey;
  reader: TestKey;
  /** 2099 key task n (1: due 2099-06-30, led by 区经济信息委; 3: led by 区科技局). */
  task2099(n: number): Promise<string>;
  /** A seed task led by 区经济信息委, long past its deadline. */
  pastTask(): Promise<string>;
  /** Every row the workflow mutations write, and the task facts they store: equal before and after a refusal. */
  snapshot(): Promise<unknown>;
}

const FIXTURES = path.join(__dirname, '..', 'fixtures');

export async function workflowWorld(): Promise<WorkflowWorld> {
  const api = await startApiServer({ alsoImport: [path.join(FIXTURES, 'plan-2099.txt'), path.join(FIXTURES, 'formats', 'yuzhong-plan-prose.txt')] });
  const ds = api.db.dataSource;
  const world: WorkflowWorld = {
    api,
    admin: await makeKey(ds, AccountRole.ADMIN, { name: '系统管理员' }),
    office: await makeKey(ds, AccountRole.OFFICE, { name: '督查办', jurisdiction: '重庆市沙坪坝区' }),
    otherOffice: await makeKey(ds, AccountRole.OFFICE, { name: '渝中区督查办', jurisdiction: '重庆市渝中区' }),
    unit: await makeKey(ds, AccountRole.UNIT, { unit: '区经济信息委' }),
    otherUnit: await makeKey(ds, AccountRole.UNIT, { unit: '区科技局' }),
    reader: await makeKey(ds, AccountRole.READER, { name: '大屏' }),
    async task2099(n) {
      const [row] = await ds.query(`SELECT t.id FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2099 AND t.section = 'KEY_TASK' AND t.number = $1`, [n]);
      return toGlobalId('Task', row.id);
    },
    async pastTask() {
      const [row] = await ds.query(
        `SELECT a.task_id AS id FROM assignment a JOIN unit u ON u.id = a.unit_id JOIN task t ON t.id = a.task_id JOIN plan p ON p.id = t.plan_id
         WHERE u.name = '区经济信息委' AND a.role = 'LEAD' AND p.year = 2024 ORDER BY a.task_id LIMIT 1`,
      );
      return toGlobalId('Task', row.id);
    },
    async snapshot() {
      const [row] = await ds.query(`SELECT
        (SELECT COALESCE(json_agg(e ORDER BY e.id), '[]') FROM extension_request e) AS requests,
        (SELECT COALESCE(json_agg(c ORDER BY c.id), '[]') FROM task_closure c) AS closures,
        (SELECT COALESCE(json_agg(json_build_object('id', t.id, 'extended', t.extended_due_on, 'closed', t.closed_on) ORDER BY t.id), '[]')
           FROM task t WHERE t.extended_due_on IS NOT NULL OR t.closed_on IS NOT NULL) AS facts,
        (SELECT count(*)::int FROM audit_log WHERE decision = 'ALLOWED') AS writes,
        (SELECT count(*)::int FROM idempotency_key) AS keys`);
      return row;
    },
  };
  return world;
}
