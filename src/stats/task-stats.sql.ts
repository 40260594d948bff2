import { BadUserInputError } from '../graphql/errors';
import type { RequestContext } from '../graphql/context';
import { OrderDirection } from '../graphql/order';
import { type Sql, TRUE, sql } from '../sql/sql';
import { LeaderModel } from '../leader/leader.type';
import { checkIsoDate } from '../risk/iso-date';
import { riskLevelSql } from '../risk/risk.sql';
import { latestStatusSql } from '../risk/supervision-where.sql';
import { CategoryModel } from '../task/category.type';
import { taskWhereSql } from '../task/task-where.sql';
import { UnitModel } from '../unit/unit.type';
import type { UnitKind } from '../unit/unit-kind';
import { TaskDimension } from './task-dimension';
import { TaskStatOrderField } from './task-stat-order.inputs';
import type { TaskStatsArgs } from './task-stats.inputs';
import { TaskStatModel } from './task-stat.type';

/** Most groups one answer may carry without `first`; more means the question should be narrower. */
export const MAX_GROUPS = 1000;

const t = sql.identifier('t');
const p = sql.identifier('p');
const j = sql.identifier('j');
const c = sql.identifier('c');
const b = sql.identifier('b');
const g = sql.identifier('g');
const tl = sql.identifier('tl');
const ld = sql.identifier('ld');
const asg = sql.identifier('asg');
const un = sql.identifier('un');

/**
 * Each dimension in the two steps of the statement: `inner` is what the
 * counting step (CTE `grouped`, over `base` and its assignment or leader rows)
 * groups by and keeps as column `column` — an entity's id, so that two
 * districts' 区经济信息委 are two groups; `select` and `order` are read
 * from `g` and the entity tables joined to the groups afterwards.
 */
const DIMENSION: Record<TaskDimension, { inner: Sql; column: string; select: Sql; order: Sql[] }> = {
  YEAR: { inner: sql`${b}.year`, column: 'year', select: sql`${g}.year AS year`, order: [sql`${g}.year`] },
  SECTION: { inner: sql`${b}.section`, column: 'section', select: sql`${g}.section AS section`, order: [sql`${g}.section`] },
  CATEGORY: {
    inner: sql`${b}.category_id`,
    column: 'category_id',
    select: sql`${c}.id AS category_id, ${c}.plan_id AS category_plan_id, ${c}.name AS category, ${c}.position AS category_position`,
    order: [sql`${c}.name`, sql`${c}.id`],
  },
  LEADER: { inner: sql`${tl}.leader_id`, column: 'leader_id', select: sql`${ld}.id AS leader_id, ${ld}.name AS leader`, order: [sql`${ld}.name`, sql`${ld}.id`] },
  UNIT: {
    inner: sql`${asg}.unit_id`,
    column: 'unit_id',
    select: sql`${un}.id AS unit_id, ${un}.name AS unit, ${un}.kind AS unit_kind, ${un}.needs_review AS unit_needs_review`,
    order: [sql`${un}.name`, sql`${un}.id`],
  },
  ROLE: { inner: sql`${asg}.role`, column: 'role', select: sql`${g}.role AS role`, order: [sql`${g}.role`] },
  STATUS: { inner: sql`${b}.status`, column: 'status', select: sql`${g}.status AS status`, order: [sql`${g}.status`] },
  RISK: { inner: sql`${b}.risk`, column: 'risk', select: sql`${g}.risk AS risk`, order: [sql`${g}.risk`] },
  JURISDICTION: { inner: sql`${b}.jurisdiction_id`, column: 'jurisdiction_id', select: sql`${j}.name AS jurisdiction`, order: [sql`${j}.name`, sql`${j}.id`] },
};

/** The output column each TaskStatOrderField sorts by. */
const METRIC: Record<TaskStatOrderField, string> = {
  COUNT: 'count',
  COMPLETED: 'completed',
  COMPLETION_RATE: 'completion_rate',
  RED: 'red',
  YELLOW: 'yellow',
  GREEN: 'green',
  UNKNOWN: 'unknown',
  AT_RISK: 'at_risk',
};

interface StatRow {
  year?: number | null;
  section?: string | null;
  category_id?: number | null;
  category_plan_id?: number;
  category?: string | null;
  category_position?: number;
  leader_id?: number | null;
  leader?: string | null;
  unit_id?: number | null;
  unit?: string | null;
  unit_kind?: UnitKind;
  unit_needs_review?: boolean;
  role?: string | null;
  status?: string | null;
  risk?: string | null;
  jurisdiction?: string | null;
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
 * and light (CTE `base`, read from the columns the importer stores), joined
 * to leaders and/or assignments only when a grouping needs them, counted
 * per group of ids (CTE `grouped`); then the unit, leader, category and
 * jurisdiction rows are joined to the groups, which are sorted and cut. The
 * grouped units, leaders and categories come back as rows of this same statement.
 */
export async function taskStats(ctx: RequestContext, args: TaskStatsArgs): Promise<TaskStatModel[]> {
  const dims = [...new Set(args.groupBy)];
  const asOf = checkIsoDate(args.asOf, 'asOf');
  if (args.first != null && (args.first < 1 || args.first > MAX_GROUPS)) {
    throw new BadUserInputError(`\`first\` must be between 1 and ${MAX_GROUPS} (got ${args.first}).`, 'first');
  }
  const aliases = { task: t, plan: p };
  const has = (d: TaskDimension) => dims.includes(d);
  const byLeader = has(TaskDimension.LEADER);
  const byUnit = has(TaskDimension.UNIT);
  const byAssignment = byUnit || has(TaskDimension.ROLE);

  const keyOrder = dims.flatMap((d) => DIMENSION[d].order.map((o) => sql`${o} NULLS LAST`));
  const metricOrder = (args.orderBy ?? []).map(
    (o) => sql`${sql.identifier(METRIC[o.field])} ${o.direction === OrderDirection.DESC ? sql`DESC` : sql`ASC`} NULLS LAST`,
  );
  const order = [...metricOrder, ...keyOrder];
  // Every task has one of the four lights, so `unknown` is what the other three leave: one
  // aggregate fewer per joined row.
  // 牵头单位负责制: a unit's completion rate counts the tasks it leads, not those it co-operates on.
  const rate = byUnit
    ? sql`${g}.lead_completed::float8 / NULLIF(${g}.lead, 0)`
    : sql`${g}.completed::float8 / NULLIF(${g}.n, 0)`;
  // A task counted once per leader or assignment must be judged once, not once per joined row: at
  // another date than the default its light is a sub-query. At the default date it is a stored
  // column, and the CTE is inlined so that the planner sees the tables and their statistics.
  const materialized = asOf != null && (byLeader || byAssignment) ? sql`MATERIALIZED` : sql.empty;
  const limit = args.first ?? MAX_GROUPS + 1;

  // Every task has a plan (plan_id is NOT NULL); LEFT JOIN says the plan adds no condition, so that
  // PostgreSQL drops the join when nothing reads the plan (no YEAR, JURISDICTION, plan condition in
  // `where` or asOf): a grouping by leader or unit otherwise probes it once per joined row.
  // Counting by ids alone and naming the groups afterwards keeps the groups
  // narrow (no unit or leader names in the aggregate's hash table), so that
  // the planner hashes them in work_mem (data-source.ts) rather than sorting.
  const rows = await ctx.query<StatRow>(sql`
    WITH base AS ${materialized} (
      SELECT ${t}.id, ${p}.year, ${t}.section, ${t}.category_id, ${p}.jurisdiction_id,
             ${latestStatusSql(aliases)} AS status, ${riskLevelSql(aliases, asOf)} AS risk
      FROM task ${t} LEFT JOIN plan ${p} ON ${p}.id = ${t}.plan_id
      WHERE ${args.where ? taskWhereSql(args.where, aliases) : TRUE}
    ),
    grouped AS (
      SELECT ${sql.join([...dims.map((d) => sql`${DIMENSION[d].inner} AS ${sql.identifier(DIMENSION[d].column)}`), sql`count(*) AS n`], ', ')},
        count(*) FILTER (WHERE ${b}.status = 'COMPLETED') AS completed,
        ${byUnit ? sql`count(*) FILTER (WHERE ${asg}.role = 'LEAD') AS lead, count(*) FILTER (WHERE ${asg}.role = 'LEAD' AND ${b}.status = 'COMPLETED') AS lead_completed,` : sql.empty}
        count(*) FILTER (WHERE ${b}.risk = 'RED') AS red,
        count(*) FILTER (WHERE ${b}.risk = 'YELLOW') AS yellow,
        count(*) FILTER (WHERE ${b}.risk = 'GREEN') AS green
      FROM base ${b}
      ${byLeader ? sql`LEFT JOIN task_leader ${tl} ON ${tl}.task_id = ${b}.id` : sql.empty}
      ${byAssignment ? sql`LEFT JOIN assignment ${asg} ON ${asg}.task_id = ${b}.id` : sql.empty}
      GROUP BY ${dims.length ? sql.join(dims.map((d) => DIMENSION[d].inner), ', ') : sql`()`}
    )
    SELECT ${sql.join([...dims.map((d) => DIMENSION[d].select), sql`${g}.n::int AS count`], ', ')},
      ${g}.completed::int AS completed,
      ${rate} AS completion_rate,
      ${g}.red::int AS red, ${g}.yellow::int AS yellow, ${g}.green::int AS green,
      (${g}.n - ${g}.red - ${g}.yellow - ${g}.green)::int AS unknown,
      (${g}.red + ${g}.yellow)::int AS at_risk
    FROM grouped ${g}
    ${has(TaskDimension.CATEGORY) ? sql`LEFT JOIN category ${c} ON ${c}.id = ${g}.category_id` : sql.empty}
    ${has(TaskDimension.JURISDICTION) ? sql`JOIN jurisdiction ${j} ON ${j}.id = ${g}.jurisdiction_id` : sql.empty}
    ${byLeader ? sql`LEFT JOIN leader ${ld} ON ${ld}.id = ${g}.leader_id` : sql.empty}
    ${byUnit ? sql`LEFT JOIN unit ${un} ON ${un}.id = ${g}.unit_id` : sql.empty}
    ${order.length ? sql`ORDER BY ${sql.join(order, ', ')}` : sql.empty}
    LIMIT ${sql.value(limit, 'int')}`);
  if (args.first == null && rows.length > MAX_GROUPS) {
    throw new BadUserInputError(`taskStats returns at most ${MAX_GROUPS} groups; narrow \`where\`, group by fewer dimensions, or ask for the \`first\` groups of an \`orderBy\`.`, 'groupBy');
  }
  return rows.map((r) =>
    Object.assign(new TaskStatModel(), {
      year: r.year ?? null,
      section: r.section ?? null,
      category: r.category ?? null,
      categoryNode: r.category_id == null ? null : CategoryModel.fromRow({ id: r.category_id, plan_id: r.category_plan_id!, name: r.category!, position: r.category_position! }),
      leader: r.leader ?? null,
      leaderNode: r.leader_id == null ? null : LeaderModel.fromRow({ id: r.leader_id, name: r.leader! }),
      unit: r.unit ?? null,
      unitNode: r.unit_id == null ? null : UnitModel.fromRow({ id: r.unit_id, name: r.unit!, kind: r.unit_kind!, needs_review: r.unit_needs_review! }),
      role: r.role ?? null,
      status: r.status ?? null,
      risk: r.risk ?? null,
      jurisdiction: r.jurisdiction ?? null,
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
