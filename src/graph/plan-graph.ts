import type { TaskUnits, UnitCentrality, UnitCommunity, UnitPathResult } from './collaboration-graph';
import { runOffThread } from './analytics-pool';
import type { GraphRef } from './analytics.worker';
import type { LeaderPathResult } from './leader-path';
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
  private readonly collectives: ReadonlySet<number>;
  /** By includeCollectives: the graph with and without the collective units are two computations. */
  private readonly centralities = new Map<boolean, Promise<Map<number, UnitCentrality>>>();
  private communities?: Promise<Map<number, UnitCommunity>>;

  private constructor(tasks: PackedTaskUnits, collectives: Iterable<number>) {
    this.collectives = new Set(collectives);
    this.ref = { id: ++builds, tasks, collectives: [...this.collectives] };
    for (let at = 0; at < tasks.length; at += 2 + tasks[at + 1]) {
      for (let i = at + 2; i < at + 2 + tasks[at + 1]; i++) this.units.add(tasks[i]);
    }
  }

  /** `collectives`: the units of kind COLLECTIVE among the rows (各镇街, 各部门, …), for includeCollectives: false. */
  static of(tasks: readonly TaskUnits[], collectives: Iterable<number> = []): PlanGraph {
    return new PlanGraph(packTaskUnits(tasks), collectives);
  }

  /** Merges plans' graphs (a path across all years): one graph over all their tasks. */
  static union(graphs: readonly PlanGraph[]): PlanGraph {
    return new PlanGraph(
      concatPacked(graphs.map((g) => g.ref.tasks)),
      graphs.flatMap((g) => g.ref.collectives),
    );
  }

  /** Whether the unit is a node of the graph (without the collectives when `includeCollectives` is false). */
  hasUnit(unitId: number, includeCollectives = true): boolean {
    return this.units.has(unitId) && (includeCollectives || !this.collectives.has(unitId));
  }

  /**
   * Degree, weighted degree, betweenness (by hops) and rank; null for a unit
   * not in the graph. With `includeCollectives` false, over the graph the
   * collective units were taken out of (a collective itself gets null).
   */
  async centrality(unitId: number, includeCollectives = true): Promise<UnitCentrality | null> {
    if (!this.hasUnit(unitId, includeCollectives)) return null;
    return (await this.allCentralities(includeCollectives)).get(unitId) ?? null;
  }

  /** Betweenness of every unit, for ordering lists by it. */
  async betweennessByUnit(includeCollectives = true): Promise<Map<number, number>> {
    return new Map([...(await this.allCentralities(includeCollectives))].map(([id, c]) => [id, c.betweenness]));
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

  /**
   * The shortest chain between two leaders given by their tasks in this
   * graph (see leader-path.ts), searched on an analytics thread.
   */
  leaderPath(fromTasks: number[], toTasks: number[], maxHops: number, includeCollectives: boolean): Promise<LeaderPathResult | null> {
    return runOffThread('leaderPath', { graph: this.ref, includeCollectives, fromTasks, toTasks, maxHops });
  }

  private allCentralities(includeCollectives: boolean): Promise<Map<number, UnitCentrality>> {
    let result = this.centralities.get(includeCollectives);
    if (!result) {
      result = this.forgetOnFailure(runOffThread('centralities', { graph: this.ref, includeCollectives }), () => this.centralities.delete(includeCollectives));
      this.centralities.set(includeCollectives, result);
    }
    return result;
  }

  private forgetOnFailure<T>(result: Promise<T>, forget: () => void): Promise<T> {
    result.catch(forget);
    return result;
  }
}
