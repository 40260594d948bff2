import { acknowledgeTask } from '../../src/workflow/acknowledge.mutation';
import { RequestContext } from '../../src/graphql/context';
import { ANONYMOUS, type Principal, principalScope } from '../../src/graphql/principal';
import { readEvents } from '../../src/events/event-query';
import { EVENT_COLUMNS, type EventRow } from '../../src/events/event-row';
import { mayReadEvent } from '../../src/events/event-visibility';
import { seedIfEmpty } from '../../src/import/writer/seed';
import { AccountRole, makeKey } from '../support/accounts';
import { SEEDS_DIR } from '../support/seeds';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The two forms of "who may see an event" (event-visibility.ts) agree: the SQL that reads the log
 * (replay, the events query) and the in-memory decision of the live fan-out, for every kind of
 * principal over every event of a seeded log with task, document and installation events.
 */
describe('event visibility: SQL and the policy agree', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedIfEmpty(db.dataSource, SEEDS_DIR);
    const unit = await makeKey(db.dataSource, AccountRole.UNIT, { unit: '区经济信息委' });
    const [account] = await db.dataSource.query(`SELECT id, unit_id FROM account WHERE id = $1`, [unit.accountId]);
    const tasks = await db.dataSource.query(`SELECT task_id AS id FROM assignment WHERE unit_id = $1 ORDER BY task_id LIMIT 5`, [account.unit_id]);
    const principal = principalOf({ role: 'UNIT', accountId: account.id, unitId: account.unit_id });
    for (const t of tasks) await acknowledgeTask(new RequestContext(db.dataSource, principal), { taskId: t.id });
  });
  afterAll(() => db.drop());

  function principalOf(p: Partial<Principal> & { role: string }): Principal {
    const base = { accountId: 1, unitId: null, leaderId: null, jurisdictionId: null, ...p };
    return { ...base, name: p.role, keyPrefix: null, authenticatedBy: 'API_KEY', scope: principalScope(base) };
  }

  it('for every kind of principal, over every event', async () => {
    const all: EventRow[] = await db.dataSource.query(`SELECT ${EVENT_COLUMNS} FROM event e ORDER BY id`);
    const [{ unit_id: unitId }] = await db.dataSource.query(`SELECT unit_id FROM assignment WHERE role = 'CO' ORDER BY task_id LIMIT 1`);
    const [{ id: leaderId }] = await db.dataSource.query(`SELECT leader_id AS id FROM task_leader ORDER BY task_id LIMIT 1`);
    const [{ id: jurisdictionId }] = await db.dataSource.query(`SELECT id FROM jurisdiction ORDER BY id LIMIT 1`);
    const [{ unit_id: ownUnit }] = await db.dataSource.query(`SELECT unit_id FROM account WHERE role = 'UNIT' LIMIT 1`);
    const principals = [
      ANONYMOUS,
      principalOf({ role: 'ADMIN' }),
      principalOf({ role: 'SYSTEM', accountId: null }),
      principalOf({ role: 'OFFICE' }),
      principalOf({ role: 'OFFICE', jurisdictionId }),
      principalOf({ role: 'OFFICE', jurisdictionId: jurisdictionId + 1000 }),
      principalOf({ role: 'READER' }),
      principalOf({ role: 'UNIT', unitId }),
      principalOf({ role: 'UNIT', unitId: ownUnit }),
      principalOf({ role: 'LEADER', leaderId }),
    ];
    const kinds = new Set(all.map((e) => (e.task_id ? 'task' : e.document_id ? 'document' : 'installation')));
    expect([...kinds].sort()).toEqual(['document', 'installation', 'task']);
    const counts: Record<string, number> = {};
    for (const principal of principals) {
      const bySql = (await readEvents(db.dataSource, principal, 0, 100_000, { types: null, taskId: null })).map((e) => e.id);
      const byPolicy = all.filter((e) => mayReadEvent(principal, e)).map((e) => e.id);
      expect({ who: principal.scope, ids: bySql }).toEqual({ who: principal.scope, ids: byPolicy });
      counts[principal.scope] = bySql.length;
    }
    // Not vacuous: the kinds of principal see different, non-empty parts of the log (anonymous and a foreign office none).
    expect(counts[ANONYMOUS.scope]).toBe(0);
    expect(counts[principalOf({ role: 'ADMIN' }).scope]).toBe(all.length);
    expect(counts[principalOf({ role: 'UNIT', unitId: ownUnit }).scope]).toBe(5);
    expect(counts[principalOf({ role: 'OFFICE' }).scope]).toBeLessThan(all.length);
    expect(counts[principalOf({ role: 'OFFICE' }).scope]).toBeGreaterThan(5);
  });
});
