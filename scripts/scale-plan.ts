/**
 * Scale generator for the graph: makes one plan `factor` times as large in
 * the database, as if `factor` districts had filed one joint plan. Every task
 * of the plan is copied `factor - 1` times with its leaders and units; each
 * copy has its own units (名称（k）, same kind and jurisdiction) except the
 * collectives (各镇街, 各有关单位 …, kind COLLECTIVE), which all copies share —
 * so the plan stays one network, the worst case for betweenness
 * (scale-seed.ts instead makes many plans of seed size).
 *
 * Tables and columns other branches add to task and assignment are copied
 * too (the column lists come from the catalogue). Progress reports are not
 * copied: the copies are tasks nobody has reported on.
 *
 *   npx ts-node scripts/scale-plan.ts postgres://…/db <plan id> 50
 */
import { Client } from 'pg';

async function columnsOf(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column: string }>(
    `SELECT column_name AS column FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column);
}

/** Copies a table's rows through a mapping of some columns; every other column is copied as is. */
function copySql(table: string, columns: string[], mapped: Record<string, string>, from: string): string {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const values = columns.map((c) => mapped[c] ?? `src."${c}"`).join(', ');
  return `INSERT INTO "${table}" (${list}) SELECT ${values} ${from}`;
}

export async function scalePlan(client: Client, planId: number, factor: number): Promise<void> {
  if (factor <= 1) return;
  await client.query('BEGIN');
  try {
    await copyPlan(client, planId, factor);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('ANALYZE');
}

async function copyPlan(client: Client, planId: number, factor: number): Promise<void> {
  // New ids drawn from the tables' own sequences, so later imports do not collide with the copies.
  await client.query(
    `CREATE TEMP TABLE scaled_task ON COMMIT DROP AS
     SELECT t.id AS old_id, k, nextval(pg_get_serial_sequence('task', 'id'))::int AS new_id
     FROM task t CROSS JOIN generate_series(1, $2::int - 1) AS k WHERE t.plan_id = $1`,
    [planId, factor],
  );
  await client.query(
    `CREATE TEMP TABLE scaled_unit ON COMMIT DROP AS
     SELECT u.id AS old_id, k, nextval(pg_get_serial_sequence('unit', 'id'))::int AS new_id
     FROM unit u CROSS JOIN generate_series(1, $2::int - 1) AS k
     WHERE u.kind <> 'COLLECTIVE' AND u.id IN (SELECT a.unit_id FROM assignment a JOIN task t ON t.id = a.task_id WHERE t.plan_id = $1)`,
    [planId, factor],
  );
  await client.query(
    copySql('unit', await columnsOf(client, 'unit'), { id: 'c.new_id', name: `src.name || '（' || c.k || '）'` }, 'FROM scaled_unit c JOIN unit src ON src.id = c.old_id'),
  );
  // 序号 stay unique within (plan, section): copy k numbers its tasks after copy k - 1.
  const { rows } = await client.query<{ top: number }>(`SELECT coalesce(max(number), 0)::int AS top FROM task WHERE plan_id = $1`, [planId]);
  await client.query(
    copySql('task', await columnsOf(client, 'task'), { id: 'c.new_id', number: `src.number + c.k * ${rows[0].top}` }, 'FROM scaled_task c JOIN task src ON src.id = c.old_id'),
  );
  await client.query(
    copySql(
      'assignment',
      (await columnsOf(client, 'assignment')).filter((c) => c !== 'id'),
      { task_id: 'c.new_id', unit_id: 'coalesce(cu.new_id, src.unit_id)' },
      'FROM scaled_task c JOIN assignment src ON src.task_id = c.old_id LEFT JOIN scaled_unit cu ON cu.old_id = src.unit_id AND cu.k = c.k',
    ),
  );
  await client.query(copySql('task_leader', await columnsOf(client, 'task_leader'), { task_id: 'c.new_id' }, 'FROM scaled_task c JOIN task_leader src ON src.task_id = c.old_id'));
}

if (require.main === module) {
  const [url, planId, factor] = process.argv.slice(2);
  const client = new Client({ connectionString: url });
  client
    .connect()
    .then(() => scalePlan(client, Number(planId), Number(factor ?? 50)))
    .then(() => client.end())
    .catch((error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    });
}
