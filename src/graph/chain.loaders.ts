import type { RequestContext } from '../graphql/context';
import { groupBy } from '../graphql/context';
import { sql } from '../sql/sql';
import type { Section } from '../task/section';
import { Role } from '../unit/role';
import { UnitCountModel } from '../unit/unit-graph.types';
import { unitJson } from '../unit/unit-json.sql';
import { UnitModel, type UnitRow } from '../unit/unit.type';
import { ChainLinkModel } from './chain-link.type';

const tl = sql.identifier('tl');
const t = sql.identifier('t');
const p = sql.identifier('p');
const a = sql.identifier('a');
const c = sql.identifier('c');
const u = sql.identifier('u');
const cu = sql.identifier('cu');

/**
 * Leader.chain for a batch of leaders in one statement: per leader, each
 * lead unit of their tasks with those tasks (by year, section, number) and
 * the co-units on them with counts. Most tasks first, then by name, as
 * Leader.units orders. A task with two lead units appears under both.
 */
export function loadChain(ctx: RequestContext, leaderId: number, year?: number | null, section?: Section | null): Promise<ChainLinkModel[]> {
  return ctx
    .loader<number, ChainLinkModel[]>(`leader.chain:${year}:${section}`, async (leaderIds) => {
      const scope = sql`${year != null ? sql` AND ${p}.year = ${sql.value(year, 'int')}` : sql.empty}${
        section != null ? sql` AND ${t}.section = ${sql.value(section, 'section')}` : sql.empty
      }`;
      const rows = await ctx.query<{ leader_id: number; unit: UnitRow; task_ids: number[]; co_units: { unit: UnitRow; task_count: number }[] }>(
        sql`WITH led AS (
           SELECT ${tl}.leader_id, ${a}.unit_id, ${t}.id AS task_id, ${p}.year, ${t}.section, ${t}.number
           FROM task_leader ${tl} JOIN task ${t} ON ${t}.id = ${tl}.task_id JOIN plan ${p} ON ${p}.id = ${t}.plan_id
           JOIN assignment ${a} ON ${a}.task_id = ${t}.id AND ${a}.role = ${sql.value(Role.LEAD, 'role')}
           WHERE ${tl}.leader_id = ANY(${sql.value(leaderIds, 'int[]')})${scope}
         ), links AS (
           SELECT leader_id, unit_id, array_agg(task_id ORDER BY year, section, number) AS task_ids FROM led GROUP BY leader_id, unit_id
         ), co AS (
           SELECT led.leader_id, led.unit_id, ${c}.unit_id AS co_unit_id, count(DISTINCT led.task_id)::int AS task_count
           FROM led JOIN assignment ${c} ON ${c}.task_id = led.task_id AND ${c}.role = ${sql.value(Role.CO, 'role')} AND ${c}.unit_id <> led.unit_id
           GROUP BY led.leader_id, led.unit_id, ${c}.unit_id
         )
         SELECT links.leader_id, ${unitJson(u)} AS unit, links.task_ids,
                coalesce((SELECT json_agg(json_build_object('unit', ${unitJson(cu)}, 'task_count', co.task_count) ORDER BY co.task_count DESC, ${cu}.name COLLATE "C", ${cu}.id)
                          FROM co JOIN unit ${cu} ON ${cu}.id = co.co_unit_id
                          WHERE co.leader_id = links.leader_id AND co.unit_id = links.unit_id), '[]') AS co_units
         FROM links JOIN unit ${u} ON ${u}.id = links.unit_id
         ORDER BY links.leader_id, cardinality(links.task_ids) DESC, ${u}.name COLLATE "C", ${u}.id`,
      );
      return groupBy(leaderIds, rows, (r) => r.leader_id).map((group) =>
        group.map((r) =>
          Object.assign(new ChainLinkModel(), {
            unit: UnitModel.fromRow(r.unit),
            taskIds: r.task_ids,
            coUnits: r.co_units.map((co) => Object.assign(new UnitCountModel(), { unit: UnitModel.fromRow(co.unit), taskCount: co.task_count })),
          }),
        ),
      );
    })
    .load(leaderId);
}
