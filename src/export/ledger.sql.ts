import { type Sql, TRUE, and, sql } from '../sql/sql';
import { riskLevelSql } from '../risk/risk.sql';
import { latestStatusSql } from '../risk/supervision-where.sql';
import type { TaskAliases } from '../task/task-where.sql';
import { taskWhereSql } from '../task/task-where.sql';
import type { TaskWhere } from '../task/task.inputs';
import type { LedgerRow } from './ledger-layout';

const t = sql.identifier('t');
const p = sql.identifier('p');
const c = sql.identifier('c');
const tl = sql.identifier('tl');
const l = sql.identifier('l');
const a = sql.identifier('a');
const u = sql.identifier('u');
const pu = sql.identifier('pu');
const ALIASES: TaskAliases = { task: t, plan: p };
const FROM = sql`FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id`;

/** What a ledger holds: the tasks of one plan, of one section or all, that match a filter. */
export interface LedgerScope {
  planId: number;
  section: string | null;
  where: TaskWhere | null;
}

function scopeSql({ planId, section, where }: LedgerScope): Sql {
  return and([
    sql`${t}.plan_id = ${sql.value(planId, 'int')}`,
    section ? sql`${t}.section = ${sql.value(section, 'section')}` : TRUE,
    where ? taskWhereSql(where, ALIASES) : TRUE,
  ]);
}

/** Per section of the scope, in document order: how many tasks, and which columns they fill. */
export function sectionSummarySql(scope: LedgerScope): Sql {
  return sql`SELECT ${t}.section, count(*)::int AS tasks,
      bool_or(${t}.category_id IS NOT NULL) AS has_category,
      bool_or(${t}.title IS NOT NULL) AS has_title,
      bool_or(EXISTS (SELECT 1 FROM task_leader ${tl} WHERE ${tl}.task_id = ${t}.id)) AS has_leaders,
      bool_or(EXISTS (SELECT 1 FROM assignment ${a} WHERE ${a}.task_id = ${t}.id AND ${a}.role = 'CO')) AS has_co_units
    ${FROM} WHERE ${scopeSql(scope)} GROUP BY ${t}.section ORDER BY ${t}.section`;
}

/** Where the previous chunk ended: rows come in ledger order (section, 序号, id). */
export interface LedgerCursor {
  section: string;
  number: number;
  id: number;
}

const unitsSql = (role: 'LEAD' | 'CO') =>
  // A unit that acts as another body here is written as the document wrote it: 区商务委（区招商中心）.
  sql`(SELECT coalesce(array_agg(${u}.name || coalesce('（' || ${a}.acting_as || '）', '') ORDER BY ${a}.position), '{}')
      FROM assignment ${a} JOIN unit ${u} ON ${u}.id = ${a}.unit_id WHERE ${a}.task_id = ${t}.id AND ${a}.role = ${sql.value(role, 'role')})`;

/**
 * One chunk of ledger rows after `after`, in ledger order, with everything a
 * row shows: category, leaders and units in cell order, and for a period its
 * progress text and status (else the status of the newest update), and the
 * light (红黄绿灯) at `asOf` (the period's report date; null: as Task.risk).
 * Chunks are keyset pages over the (plan, section, number) index, so each
 * is one short statement and no connection is held while the client reads.
 */
export function ledgerRowsSql(scope: LedgerScope, period: string | null, asOf: string | null, after: LedgerCursor | null, limit: number): Sql {
  // The period's update: the newest one of that period, should a round have been reported twice.
  const periodUpdate = period
    ? sql`LEFT JOIN LATERAL (SELECT ${pu}.text, ${pu}.status FROM progress_update ${pu}
        WHERE ${pu}.task_id = ${t}.id AND ${pu}.period = ${sql.value(period, 'text')} ORDER BY ${pu}.id DESC LIMIT 1) ${pu} ON TRUE`
    : sql.empty;
  const progress = period ? sql`${pu}.text` : sql`NULL::text`;
  const status = period ? sql`${pu}.status` : latestStatusSql(ALIASES);
  const keyset = after
    ? sql`(${t}.section, ${t}.number, ${t}.id) > (${sql.value(after.section, 'section')}, ${sql.value(after.number, 'int')}, ${sql.value(after.id, 'int')})`
    : TRUE;
  return sql`SELECT ${t}.id, ${t}.section, ${t}.number, ${c}.name AS category, ${t}.title, ${t}.content,
      (SELECT coalesce(array_agg(${l}.name ORDER BY ${tl}.position), '{}') FROM task_leader ${tl} JOIN leader ${l} ON ${l}.id = ${tl}.leader_id WHERE ${tl}.task_id = ${t}.id) AS leaders,
      ${unitsSql('LEAD')} AS lead_units, ${unitsSql('CO')} AS co_units,
      ${progress} AS progress, ${status} AS status, ${riskLevelSql(ALIASES, asOf)} AS risk
    ${FROM} LEFT JOIN category ${c} ON ${c}.id = ${t}.category_id ${periodUpdate}
    WHERE ${and([scopeSql(scope), keyset])}
    ORDER BY ${t}.section, ${t}.number, ${t}.id
    LIMIT ${sql.value(limit, 'int')}`;
}

export type { LedgerRow };
