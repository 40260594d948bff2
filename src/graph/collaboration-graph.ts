import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { seededRandom } from './seeded-random';

/** One task with the distinct units assigned to it in any role (the graph's only input). */
export interface TaskUnits {
  taskId: number;
  unitIds: number[];
}

interface EdgeAttributes {
  /** Tasks both units are on, in the order the rows came (section, number). */
  tasks: number[];
  weight: number;
}

export interface UnitCentrality {
  degree: number;
  weightedDegree: number;
  betweenness: number;
  rank: number;
}

export interface UnitCommunity {
  /** 1 = the largest community; ties by smallest unit id, so the numbering is stable. */
  number: number;
  unitIds: number[];
}

export interface PathHop {
  from: number;
  to: number;
  tasks: number[];
}

export interface UnitPathResult {
  unitIds: number[];
  hops: PathHop[];
}

// Louvain visits nodes in random order; a fixed seed makes the same data give the same communities.
const LOUVAIN_SEED = 20240101;

/**
 * The unit–unit collaboration graph of one plan: units are nodes, two units
 * are joined when they share a task in any role (a lead unit with its
 * co-units, co-units with each other), the edge's weight is the number of
 * shared tasks and it keeps their ids. Immutable once built; the metrics are
 * computed on first use and kept, since the graph lives in a cache until the
 * next import.
 */
export class CollaborationGraph {
  private readonly graph = new UndirectedGraph<Record<string, never>, EdgeAttributes>();
  private centralities?: Map<number, UnitCentrality>;
  private communities?: Map<number, UnitCommunity>;
  private taskUnits?: Map<number, readonly number[]>;

  constructor(private readonly tasks: readonly TaskUnits[]) {
    const pairs = new Map<string, { a: number; b: number; tasks: number[] }>();
    const units = new Set<number>();
    for (const { taskId, unitIds } of tasks) {
      const distinct = [...new Set(unitIds)].sort((x, y) => x - y);
      for (const id of distinct) units.add(id);
      for (let i = 0; i < distinct.length; i++) {
        for (let j = i + 1; j < distinct.length; j++) {
          const key = `${distinct[i]}-${distinct[j]}`;
          let pair = pairs.get(key);
          if (!pair) pairs.set(key, (pair = { a: distinct[i], b: distinct[j], tasks: [] }));
          pair.tasks.push(taskId);
        }
      }
    }
    // Nodes in id order, edges in first-seen order: equal input gives an equal graph, so
    // ties between equally short paths always break the same way.
    for (const id of [...units].sort((x, y) => x - y)) this.graph.addNode(String(id));
    for (const [key, { a, b, tasks: shared }] of pairs) {
      this.graph.addEdgeWithKey(key, String(a), String(b), { tasks: shared, weight: shared.length });
    }
  }

  get order(): number {
    return this.graph.order;
  }

  get size(): number {
    return this.graph.size;
  }

  hasUnit(unitId: number): boolean {
    return this.graph.hasNode(String(unitId));
  }

  unitIds(): number[] {
    return this.graph.nodes().map(Number);
  }

  /** Units joined to this one, in the graph's (deterministic) edge order; [] when not in the graph. */
  neighbours(unitId: number): number[] {
    const node = String(unitId);
    return this.graph.hasNode(node) ? this.graph.neighbors(node).map(Number) : [];
  }

  /** The units of a task as the graph was built from it ([] for a task it does not hold). */
  unitsOfTask(taskId: number): readonly number[] {
    this.taskUnits ??= new Map(this.tasks.map((t) => [t.taskId, t.unitIds]));
    return this.taskUnits.get(taskId) ?? [];
  }

  /** Tasks shared by two units ([] when they share none). */
  sharedTasks(a: number, b: number): number[] {
    const edge = this.graph.edge(String(a), String(b));
    return edge === undefined ? [] : this.graph.getEdgeAttribute(edge, 'tasks');
  }

  /** Degree, weighted degree, betweenness (by hops) and rank; null for a unit not in the graph. */
  centrality(unitId: number): UnitCentrality | null {
    return this.allCentralities().get(unitId) ?? null;
  }

  /** Betweenness of every unit, for ordering lists by it. */
  betweennessByUnit(): Map<number, number> {
    return new Map([...this.allCentralities()].map(([id, c]) => [id, c.betweenness]));
  }

  /** Centrality of every unit, by unit id. */
  allCentralities(): Map<number, UnitCentrality> {
    if (this.centralities) return this.centralities;
    // Unweighted on purpose: a broker is who sits on the shortest chains of
    // units, counted in hops; a heavy edge is a close tie, not a long one.
    // Not normalised: the score is the number of unit pairs (fractionally)
    // whose shortest chains pass through the unit.
    const scores = betweennessCentrality(this.graph, { getEdgeWeight: null, normalized: false });
    const byScore = Object.entries(scores).sort((x, y) => y[1] - x[1]);
    const rankOf = new Map<string, number>();
    // Competition ranking (1, 2, 2, 4): equal scores share a rank. Scores are sums of
    // fractions; round before comparing so float noise does not split a tie.
    let previous = Number.NaN;
    byScore.forEach(([node, score], index) => {
      const rounded = Math.round(score * 1e9);
      rankOf.set(node, rounded === previous ? rankOf.get(byScore[index - 1][0])! : index + 1);
      previous = rounded;
    });
    const result = new Map<number, UnitCentrality>();
    this.graph.forEachNode((node) => {
      let weightedDegree = 0;
      this.graph.forEachEdge(node, (_edge, attributes) => {
        weightedDegree += attributes.weight;
      });
      result.set(Number(node), {
        degree: this.graph.degree(node),
        weightedDegree,
        betweenness: scores[node],
        rank: rankOf.get(node)!,
      });
    });
    this.centralities = result;
    return result;
  }

  /**
   * A shortest chain of units from one to the other, counted in hops, each
   * hop with the tasks that join it; null when none has at most `maxHops`.
   */
  path(from: number, to: number, maxHops: number): UnitPathResult | null {
    if (!this.hasUnit(from) || !this.hasUnit(to)) return null;
    if (from === to) return { unitIds: [from], hops: [] };
    const nodes = bidirectional(this.graph, String(from), String(to));
    if (!nodes || nodes.length - 1 > maxHops) return null;
    const unitIds = nodes.map(Number);
    const hops = unitIds.slice(1).map((next, i) => ({ from: unitIds[i], to: next, tasks: this.sharedTasks(unitIds[i], next) }));
    return { unitIds, hops };
  }

  /** Louvain community of the unit (edges weighted by shared tasks); null when not in the graph. */
  community(unitId: number): UnitCommunity | null {
    return this.communitiesByUnit().get(unitId) ?? null;
  }

  /** Every community, the largest first. */
  allCommunities(): UnitCommunity[] {
    return [...new Set(this.communitiesByUnit().values())].sort((x, y) => x.number - y.number);
  }

  private communitiesByUnit(): Map<number, UnitCommunity> {
    if (!this.communities) {
      const assignment = louvain(this.graph, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) });
      const groups = new Map<number, number[]>();
      for (const [node, community] of Object.entries(assignment)) {
        const group = groups.get(community) ?? [];
        group.push(Number(node));
        groups.set(community, group);
      }
      const ordered = [...groups.values()]
        .map((ids) => ids.sort((x, y) => x - y))
        .sort((x, y) => y.length - x.length || x[0] - y[0]);
      this.communities = new Map();
      ordered.forEach((unitIds, index) => {
        const community = { number: index + 1, unitIds };
        for (const id of unitIds) this.communities!.set(id, community);
      });
    }
    return this.communities;
  }

  /**
   * The same tasks without some units (the collectives 各镇街, 各部门, …): they
   * leave the graph itself, so no shortest chain runs through them, rather
   * than being hidden from an answer computed with them.
   */
  static without(tasks: readonly TaskUnits[], unitIds: ReadonlySet<number>): CollaborationGraph {
    if (unitIds.size === 0) return new CollaborationGraph(tasks);
    return new CollaborationGraph(tasks.map(({ taskId, unitIds: units }) => ({ taskId, unitIds: units.filter((id) => !unitIds.has(id)) })));
  }

  /** Merges plans' graphs (a path across all years): one graph over all their tasks. */
  static union(graphs: CollaborationGraph[]): CollaborationGraph {
    return new CollaborationGraph(graphs.flatMap((g) => g.tasks));
  }
}
