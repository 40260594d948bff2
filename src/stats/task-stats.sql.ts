import { BadUserInputError } from '../graphql/errors';
import type { RequestContext } from '../graphql/context';
import { type Sql, TRUE, sql } from '../graphql/sql';
import { checkIsoDate } from '../risk/iso-date';
import { riskLevelSql } from '../risk/risk.sql';
import { latestStatusSql } from '../risk/supervision-where.sql';
import { taskWhereSql } from '../task/task-where.sql';
import { TaskDimension } from './task-dimension';
import type { TaskStatsArgs } from './task-stats.inputs';
import { TaskStatModel } from './task-stat.type';

/** Most groups one answer may carry; more means the question should be narrower. */
export const MAX_GROUPS = 1000;

const t = sql.identifier('t');
const p = sql.identifier('p');
const j = sql.identifier('j');
const c = sql.identifier('c');
const b = sql.identifier('b');
const tl = sql.identifier('tl');
const ld = sql.identifier('ld');
const asg = sql.identifier('asg');
const un = sql.identifier('un');

/** The output column of each dimension, over the joined row of CTE `base` and its optional joins. */
const COLUMN: Record<TaskDimension, { expr: Sql; name: string }> = {
  YEAR: { expr: sql`${b}.year`, name: 'year' },
  SECTION: { expr: sql`${b}.section`, name: 'section' },
  CATEGORY: { expr: sql`${b}.category`, name: 'category' },
  LEADER: { expr: sql`${ld}.name`, name: 'leader' },
  UNIT: { expr: sql`${un}.name`, name: 'unit' },
  ROLE: { expr: sql`${asg}.role`, name: 'role' },
  STATUS: { expr: sql`${b}.status`, name: 'status' },
  RISK: { expr: sql`${b}.risk`, name: 'risk' },
  JURISDICTION: { expr: sql`${b}.jurisdiction`, name: 'jurisdiction' },
};

interface StatRow {
  year: number | null;
  section: string | null;
  category: string | null;
  leader: string | null;
  unit: string | null;
  role: string | null;
  status: string | null;
  risk: string | null;
  jurisdiction: string | null;
  count: number;
  completed: number;
  completion_rate: number | null;
  red: number;
  yellow: number;
  green: number;
  unknown: number;
}

/**
 * taskStats in ONE statement: the filtered tasks with their newest status
 * and light (CTE `base`), joined to leaders and/or assignments only when a
 * grouping needs them, then GROUP BY the dimensions asked for.
 */
export async function taskStats(ctx: RequestContext, args: TaskStatsArgs): Promise<TaskStatModel[]> {
  const dims = [...new Set(args.groupBy)];
  const asOf = checkIsoDate(args.asOf, 'asOf');
  const aliases = { task: t, plan: p };
  const byLeader = dims.includes(TaskDimension.LEADER);
  const byUnit = dims.includes(TaskDimension.UNIT);
  const byAssignment = byUnit || dims.includes(TaskDimension.ROLE);

  const selected = (d: TaskDimension) => (dims.includes(d) ? sql`${COLUMN[d].expr}` : sql`NULL`);
  const keys = Object.values(TaskDimension).map((d) => sql`${selected(d)} AS ${sql.identifier(COLUMN[d].name)}`);
  const groupBy = dims.length ? sql.join(dims.map((d) => COLUMN[d].expr), ', ') : sql`()`;
  const orderBy = dims.length ? sql`ORDER BY ${sql.join(dims.map((d) => sql`${COLUMN[d].expr} NULLS LAST`), ', ')}` : sql.empty;
  // 牵头单位负责制: a unit's completion rate counts the tasks it leads, not those it co-operates on.
  const rate = byUnit
    ? sql`count(*) FILTER (WHERE ${asg}.role = 'LEAD' AND ${b}.status = 'COMPLETED')::float8 / NULLIF(count(*) FILTER (WHERE ${asg}.role = 'LEAD'), 0)`
    : sql`count(*) FILTER (WHERE ${b}.status = 'COMPLETED')::float8 / NULLIF(count(*), 0)`;

  const rows = await ctx.query<StatRow>(sql`
    WITH base AS MATERIALIZED (
      SELECT ${t}.id, ${p}.year, ${t}.section, ${c}.name AS category, ${j}.name AS jurisdiction,
             ${latestStatusSql(aliases)} AS status, ${riskLevelSql(aliases, asOf)} AS risk
      FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id JOIN jurisdiction ${j} ON ${j}.id = ${p}.jurisdiction_id
      LEFT JOIN category ${c} ON ${c}.id = ${t}.category_id
      WHERE ${args.where ? taskWhereSql(args.where, aliases) : TRUE}
    )
    SELECT ${sql.join(keys, ', ')},
      count(*)::int AS count,
      (count(*) FILTER (WHERE ${b}.status = 'COMPLETED'))::int AS completed,
      ${rate} AS completion_rate,
      (count(*) FILTER (WHERE ${b}.risk = 'RED'))::int AS red,
      (count(*) FILTER (WHERE ${b}.risk = 'YELLOW'))::int AS yellow,
      (count(*) FILTER (WHERE ${b}.risk = 'GREEN'))::int AS green,
      (count(*) FILTER (WHERE ${b}.risk = 'UNKNOWN'))::int AS unknown
    FROM base ${b}
    ${byLeader ? sql`LEFT JOIN task_leader ${tl} ON ${tl}.task_id = ${b}.id LEFT JOIN leader ${ld} ON ${ld}.id = ${tl}.leader_id` : sql.empty}
    ${byAssignment ? sql`LEFT JOIN assignment ${asg} ON ${asg}.task_id = ${b}.id LEFT JOIN unit ${un} ON ${un}.id = ${asg}.unit_id` : sql.empty}
    GROUP BY ${groupBy}
    ${orderBy}
    LIMIT ${sql.value(MAX_GROUPS + 1, 'int')}`);
  if (rows.length > MAX_GROUPS) {
    throw new BadUserInputError(`taskStats returns at most ${MAX_GROUPS} groups; narrow \`where\` or group by fewer dimensions.`, 'groupBy');
  }
  return rows.map((r) =>
    Object.assign(new TaskStatModel(), {
      year: r.year,
      section: r.section,
      category: r.category,
      leader: r.leader,
      unit: r.unit,
      role: r.role,
      status: r.status,
      risk: r.risk,
      jurisdiction: r.jurisdiction,
      count: r.count,
      completed: r.completed,
      completionRate: r.completion_rate == null ? null : Math.round(r.completion_rate * 10000) / 10000,
      red: r.red,
      yellow: r.yellow,
      green: r.green,
      unknown: r.unknown,
    }),
  );
}
