import type { RequestContext } from '../graphql/context';
import { type PlanVersion, loadPlanVersions, loadTaskUnits } from './graph.sql';
import { PlanGraph } from './plan-graph';

interface Entry {
  version: string;
  graph: Promise<PlanGraph>;
}

/**
 * Graphs outlive requests (that is the point: betweenness over a plan costs
 * far more than the request that asks for it), so unlike DataLoaders this
 * cache is not per request. It is per database, keyed by the DataSource, so
 * two apps in one process (the tests) never see each other's graphs, and
 * every entry carries the plan version it was built from.
 */
const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(ctx: RequestContext): Map<string, Entry> {
  let cache = caches.get(ctx.dataSource);
  if (!cache) caches.set(ctx.dataSource, (cache = new Map()));
  return cache;
}

function remember(cache: Map<string, Entry>, key: string, version: string, build: () => Promise<PlanGraph>): Promise<PlanGraph> {
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.graph;
  const graph = build();
  cache.set(key, { version, graph });
  // A failed build (a lost connection) must not stay cached as the answer.
  graph.catch(() => {
    if (cache.get(key)?.graph === graph) cache.delete(key);
  });
  return graph;
}

/**
 * The collaboration graph of a plan, from the cache while the plan's version
 * is unchanged. The rows are read after the version, so a graph is never
 * older than the version it is filed under (at worst newer, which costs one
 * needless rebuild). Stale plans of one request are rebuilt in one statement.
 */
export function graphOfPlan(ctx: RequestContext, plan: PlanVersion): Promise<PlanGraph> {
  return remember(cacheOf(ctx), `plan:${plan.planId}`, plan.version, () =>
    ctx
      .loader<number, PlanGraph>('graph.build', async (planIds) => {
        const tasks = await loadTaskUnits(ctx, planIds);
        return planIds.map((id) => PlanGraph.of(tasks.get(id)!.tasks, tasks.get(id)!.collectives));
      })
      .load(plan.planId),
  );
}

/** Plans of a year (one per jurisdiction that has one), current versions. */
export async function plansOfYear(ctx: RequestContext, year: number): Promise<PlanVersion[]> {
  return (await loadPlanVersions(ctx)).filter((p) => p.year === year);
}

/**
 * The graph a unit belongs to in a year: that of the plan of the unit's
 * jurisdiction, which is the only one holding the unit. Null when the unit
 * has no task that year.
 */
export async function graphOfUnitInYear(ctx: RequestContext, unitId: number, year: number): Promise<PlanGraph | null> {
  const graphs = await Promise.all((await plansOfYear(ctx, year)).map((plan) => graphOfPlan(ctx, plan)));
  return graphs.find((g) => g.hasUnit(unitId)) ?? null;
}

/**
 * The graph of a jurisdiction for one year, or across all its years (the
 * union of its plans' graphs) when `year` is null. Null when there is no plan.
 */
export async function graphOfJurisdiction(ctx: RequestContext, jurisdictionId: number, year: number | null): Promise<PlanGraph | null> {
  const plans = (await loadPlanVersions(ctx)).filter((p) => p.jurisdictionId === jurisdictionId && (year == null || p.year === year));
  if (plans.length === 0) return null;
  if (plans.length === 1) return graphOfPlan(ctx, plans[0]);
  const version = plans.map((p) => `${p.planId}@${p.version}`).join(',');
  return remember(cacheOf(ctx), `jurisdiction:${jurisdictionId}`, version, async () =>
    PlanGraph.union(await Promise.all(plans.map((p) => graphOfPlan(ctx, p)))),
  );
}
