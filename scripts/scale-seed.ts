/**
 * Scale generator for the benchmark: copies everything in a seeded database
 * `factor - 1` more times as further districts (jurisdictions), so a 50×
 * database has 50 districts with the seed's plans, documents, categories,
 * tasks, assignments and progress each. Unit names stay the same in every
 * copy (every district has a 区经济信息委, as real districts do); leader names
 * get the district's number, since leaders are different people, so a
 * leader filter selects one district.
 *
 * The copy is driven by the catalogue (columns and foreign keys), not by a
 * hand-written list, so tables and columns other branches add are copied
 * too: every `id` and every foreign key moves by k × (max id of its table).
 *
 *   npx ts-node scripts/scale-seed.ts postgres://…/db 50
 */
import { Client } from 'pg';

interface Column {
  table: string;
  column: string;
  references: string | null;
}

/** Columns whose values must differ per copy to keep unique constraints (and realism). */
const RENAME: Record<string, (expr: string) => string> = {
  'jurisdiction.name': (e) => `${e} || '（' || k || '）'`,
  'leader.name': (e) => `${e} || k`,
  'document.content_hash': (e) => `encode(sha256(convert_to(${e} || k, 'UTF8')), 'hex')`,
};

/** Who may ask and what they did belong to the installation, not to a district: not copied. */
// What belongs to the installation or records what happened in it, not the documents' data: accounts and keys, the
// audit trail, the event log and its deliveries, reminders sent, uploaded originals, and the workflow's own rows.
const INSTALLATION_TABLES = [
  'account', 'api_key', 'audit_log', 'idempotency_key', 'rate_limit', 'task_acknowledgement',
  'event', 'webhook', 'webhook_delivery', 'webhook_attempt', 'reminder_sent', 'document_upload',
  'reporting_round', 'progress_report', 'progress_contribution', 'extension_request', 'task_closure',
];

export async function scaleSeed(client: Client, factor: number): Promise<void> {
  if (factor <= 1) return;
  const { rows: columns } = await client.query<Column>(`
    SELECT c.table_name AS table, c.column_name AS column,
           (SELECT ccu.table_name FROM information_schema.key_column_usage kcu
              JOIN information_schema.table_constraints tc ON tc.constraint_name = kcu.constraint_name AND tc.constraint_type = 'FOREIGN KEY'
              JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = kcu.constraint_name
             WHERE kcu.table_name = c.table_name AND kcu.column_name = c.column_name LIMIT 1) AS references
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.table_name NOT IN ('migrations', 'typeorm_metadata', ${INSTALLATION_TABLES.map((t) => `'${t}'`).join(', ')})
      AND c.is_generated = 'NEVER'
    ORDER BY c.table_name, c.ordinal_position`);
  const tables = [...new Set(columns.map((c) => c.table))];
  // Parents before children.
  const order: string[] = [];
  const visit = (table: string, path: string[] = []) => {
    // A reference to a table left out (an account) is not copied: its rows are the installation's.
    if (order.includes(table) || path.includes(table) || !tables.includes(table)) return;
    for (const c of columns) if (c.table === table && c.references && c.references !== table) visit(c.references, [...path, table]);
    order.push(table);
  };
  tables.forEach((t) => visit(t));
  const hasId = new Set(columns.filter((c) => c.column === 'id').map((c) => c.table));
  // A `<table>_id` column without a declared foreign key (unit_alias.jurisdiction_id) still points at <table>.
  for (const c of columns) if (!c.references && c.column.endsWith('_id') && hasId.has(c.column.slice(0, -3))) c.references = c.column.slice(0, -3);
  const offset = new Map<string, number>();
  for (const table of order) {
    if (!hasId.has(table)) continue;
    const { rows } = await client.query(`SELECT coalesce(max(id), 0)::int AS max FROM "${table}"`);
    offset.set(table, rows[0].max);
  }
  await client.query('BEGIN');
  for (const table of order) {
    const own = columns.filter((c) => c.table === table);
    const exprs = own.map((c) => {
      const quoted = `"${c.column}"`;
      const rename = RENAME[`${table}.${c.column}`];
      if (rename) return rename(quoted);
      if (c.column === 'id' && offset.has(table)) return `${quoted} + k * ${offset.get(table)}`;
      if (c.references && offset.has(c.references)) return `${quoted} + k * ${offset.get(c.references)}`;
      return quoted;
    });
    await client.query(
      `INSERT INTO "${table}" (${own.map((c) => `"${c.column}"`).join(', ')})
       SELECT ${exprs.join(', ')} FROM "${table}" CROSS JOIN generate_series(1, $1::int - 1) AS k`,
      [factor],
    );
    if (offset.has(table)) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`);
    }
  }
  await client.query('COMMIT');
  await client.query('ANALYZE');
}

if (require.main === module) {
  const [url, factor] = process.argv.slice(2);
  const client = new Client({ connectionString: url });
  client
    .connect()
    .then(() => scaleSeed(client, Number(factor ?? 50)))
    .then(() => client.end())
    .catch((error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    });
}
