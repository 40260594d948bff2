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
const tl = sql.identifier('tl');
const ld = sql.identifier('ld');
const asg = sql.identifier('asg');
const un = sql.identifier('un');

/**
 * Each dimension over the joined row of CTE `base` and its optional joins:
 * what it groups by (`key`: an entity's id, so that two districts'
 * 区经济信息委 are two groups), what it outputs and what it sorts by.
 */
const DIMENSION: Record<TaskDimension, { key: Sql; select: Sql; order: Sql[] }> = {
  YEAR: { key: sql`${b}.year`, select: sql`${b}.year AS year`, order: [sql`${b}.year`] },
  SECTION: { key: sql`${b}.section`, select: sql`${b}.section AS section`, order: [sql`${b}.section`] },
  CATEGORY: {
    key: sql`${c}.id`,
    select: sql`${c}.id AS category_id, ${c}.plan_id AS category_plan_id, ${c}.name AS category, ${c}.position AS category_position`,
    order: [sql`${c}.name`, sql`${c}.id`],
  },
  LEADER: { key: sql`${ld}.id`, select: sql`${ld}.id AS leader_id, ${ld}.name AS leader`, order: [sql`${ld}.name`, sql`${ld}.id`] },
  UNIT: {
    key: sql`${un}.id`,
    select: sql`${un}.id AS unit_id, ${un}.name AS unit, ${un}.kind AS unit_kind, ${un}.needs_review AS unit_needs_review`,
    order: [sql`${un}.name`, sql`${un}.id`],
  },
  ROLE: { key: sql`${asg}.role`, select: sql`${asg}.role AS role`, order: [sql`${asg}.role`] },
  STATUS: { key: sql`${b}.status`, select: sql`${b}.status AS status`, order: [sql`${b}.status`] },
  RISK: { key: sql`${b}.risk`, select: sql`${b}.risk AS risk`, order: [sql`${b}.risk`] },
  JURISDICTION: { key: sql`${j}.id`, select: sql`${j}.name AS jurisdiction`, order: [sql`${j}.name`, sql`${j}.id`] },
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
 * to categories, jurisdictions, leaders and/or assignments only when a
 * grouping needs them, then GROUP BY the dimensions asked for. The grouped
 * units, leaders and categories come back as rows of this same statement.
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

  const groupBy = dims.length ? sql.join(dims.map((d) => DIMENSION[d].key), ', ') : sql`()`;
  const keyOrder = dims.flatMap((d) => DIMENSION[d].order.map((o) => sql`${o} NULLS LAST`));
  const metricOrder = (args.orderBy ?? []).map(
    (o) => sql`${sql.identifier(METRIC[o.field])} ${o.direction === OrderDirection.DESC ? sql`DESC` : sql`ASC`} NULLS LAST`,
  );
  const order = [...metricOrder, ...keyOrder];
  // 牵头单位负责制: a unit's completion rate counts the tasks it leads, not those it co-operates on.
  const rate = byUnit
    ? sql`count(*) FILTER (WHERE ${asg}.role = 'LEAD' AND ${b}.status = 'COMPLETED')::float8 / NULLIF(count(*) FILTER (WHERE ${asg}.role = 'LEAD'), 0)`
    : sql`count(*) FILTER (WHERE ${b}.status = 'COMPLETED')::float8 / NULLIF(count(*), 0)`;
  // A task counted once per leader or assignment must be judged once, not once per joined row.
  const materialized = byLeader || byAssignment ? sql`MATERIALIZED` : sql.empty;
  const limit = args.first ?? MAX_GROUPS + 1;

  const rows = await ctx.query<StatRow>(sql`
    WITH base AS ${materialized} (
      SELECT ${t}.id, ${p}.year, ${t}.section, ${t}.category_id, ${p}.jurisdiction_id,
             ${latestStatusSql(aliases)} AS status, ${riskLevelSql(aliases, asOf)} AS risk
      FROM task ${t} JOIN plan ${p} ON ${p}.id = ${t}.plan_id
      WHERE ${args.where ? taskWhereSql(args.where, aliases) : TRUE}
    )
    SELECT ${sql.join([...dims.map((d) => DIMENSION[d].select), sql`count(*)::int AS count`], ', ')},
      (count(*) FILTER (WHERE ${b}.status = 'COMPLETED'))::int AS completed,
      ${rate} AS completion_rate,
      (count(*) FILTER (WHERE ${b}.risk = 'RED'))::int AS red,
      (count(*) FILTER (WHERE ${b}.risk = 'YELLOW'))::int AS yellow,
      (count(*) FILTER (WHERE ${b}.risk = 'GREEN'))::int AS green,
      (count(*) FILTER (WHERE ${b}.risk = 'UNKNOWN'))::int AS unknown,
      (count(*) FILTER (WHERE ${b}.risk IN ('RED', 'YELLOW')))::int AS at_risk
    FROM base ${b}
    ${has(TaskDimension.CATEGORY) ? sql`LEFT JOIN category ${c} ON ${c}.id = ${b}.category_id` : sql.empty}
    ${has(TaskDimension.JURISDICTION) ? sql`JOIN jurisdiction ${j} ON ${j}.id = ${b}.jurisdiction_id` : sql.empty}
    ${byLeader ? sql`LEFT JOIN task_leader ${tl} ON ${tl}.task_id = ${b}.id LEFT JOIN leader ${ld} ON ${ld}.id = ${tl}.leader_id` : sql.empty}
    ${byAssignment ? sql`LEFT JOIN assignment ${asg} ON ${asg}.task_id = ${b}.id LEFT JOIN unit ${un} ON ${un}.id = ${asg}.unit_id` : sql.empty}
    GROUP BY ${groupBy}
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
