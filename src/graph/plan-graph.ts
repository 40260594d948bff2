import type { TaskUnits, UnitCentrality, UnitCommunity, UnitPathResult } from './collaboration-graph';
import { runOffThread } from './analytics-pool';
import type { GraphRef } from './analytics.worker';
import { type PackedTaskUnits, concatPacked, packTaskUnits } from './task-units';

let builds = 0;

/**
 * A plan's collaboration graph as the request thread holds it: the packed
 * rows and the set of its units, no graphology graph. Everything that walks
 * the graph (betweenness, Louvain, paths) runs on an analytics thread
 * (analytics-pool.ts); the whole-graph results are kept here as promises, so
 * they are computed once per graph however many requests ask while they run,
 * and live as long as graph-cache.ts keeps the graph (until the plan's next
 * import). A failed computation (a thread that died) is forgotten, so the next
 * request tries again.
 */
export class PlanGraph {
  private readonly ref: GraphRef;
  private readonly units = new Set<number>();
  private centralities?: Promise<Map<number, UnitCentrality>>;
  private communities?: Promise<Map<number, UnitCommunity>>;

  private constructor(tasks: PackedTaskUnits) {
    this.ref = { id: ++builds, tasks };
    for (let at = 0; at < tasks.length; at += 2 + tasks[at + 1]) {
      for (let i = at + 2; i < at + 2 + tasks[at + 1]; i++) this.units.add(tasks[i]);
    }
  }

  static of(tasks: readonly TaskUnits[]): PlanGraph {
    return new PlanGraph(packTaskUnits(tasks));
  }

  /** Merges plans' graphs (a path across all years): one graph over all their tasks. */
  static union(graphs: readonly PlanGraph[]): PlanGraph {
    return new PlanGraph(concatPacked(graphs.map((g) => g.ref.tasks)));
  }

  hasUnit(unitId: number): boolean {
    return this.units.has(unitId);
  }

  /** Degree, weighted degree, betweenness (by hops) and rank; null for a unit not in the graph. */
  async centrality(unitId: number): Promise<UnitCentrality | null> {
    return (await this.allCentralities()).get(unitId) ?? null;
  }

  /** Betweenness of every unit, for ordering lists by it. */
  async betweennessByUnit(): Promise<Map<number, number>> {
    return new Map([...(await this.allCentralities())].map(([id, c]) => [id, c.betweenness]));
  }

  /** Louvain community of the unit; null when not in the graph. */
  async community(unitId: number): Promise<UnitCommunity | null> {
    this.communities ??= this.forgetOnFailure(
      runOffThread('communities', this.ref).then((all) => new Map(all.flatMap((c) => c.unitIds.map((id) => [id, c] as const)))),
      () => (this.communities = undefined),
    );
    return (await this.communities).get(unitId) ?? null;
  }

  /** A shortest chain of units (see CollaborationGraph.path), searched on an analytics thread. */
  path(from: number, to: number, maxHops: number): Promise<UnitPathResult | null> {
    if (!this.hasUnit(from) || !this.hasUnit(to)) return Promise.resolve(null);
    return runOffThread('path', { graph: this.ref, from, to, maxHops });
  }

  private allCentralities(): Promise<Map<number, UnitCentrality>> {
    this.centralities ??= this.forgetOnFailure(runOffThread('centralities', this.ref), () => (this.centralities = undefined));
    return this.centralities;
  }

  private forgetOnFailure<T>(result: Promise<T>, forget: () => void): Promise<T> {
    result.catch(forget);
    return result;
  }
}
