import { CollaborationGraph, type UnitCentrality, type UnitCommunity, type UnitPathResult } from './collaboration-graph';
import { type LeaderPathResult, leaderPath as leaderPathIn } from './leader-path';
import { type PackedTaskUnits, unpackTaskUnits } from './task-units';

/**
 * What runs on the analytics threads (analytics-pool.ts): betweenness,
 * Louvain and shortest paths over a plan's collaboration graph, so a
 * computation of seconds never holds up the request thread. Loaded by the
 * pool only, never imported at run time by the request thread.
 */

/** A graph as the request thread knows it: an id unique per build, its packed rows (shared memory), its collective units. */
export interface GraphRef {
  id: number;
  tasks: PackedTaskUnits;
  /** Units of kind COLLECTIVE (各镇街, 各部门, …) among its rows, for the graph without them. */
  collectives: number[];
}

/** Which graph of a plan: all its units, or without the collectives (includeCollectives: false). */
export interface GraphQuestion {
  graph: GraphRef;
  includeCollectives: boolean;
}

// Each thread keeps the graphs it built, so a run of path questions on one
// plan builds it once per thread. Bounded by edges, not by count: one 50×
// plan weighs as much as a thousand seed-size ones. Least recently used go first.
// The graph without collectives is another entry (another key) of the same cache.
const KEEP_EDGES = 500_000;
const built = new Map<string, CollaborationGraph>();
let builtEdges = 0;

function graphOf({ graph: ref, includeCollectives }: GraphQuestion): CollaborationGraph {
  const key = includeCollectives ? `${ref.id}` : `${ref.id}-collectives`;
  const hit = built.get(key);
  if (hit) {
    built.delete(key);
    built.set(key, hit);
    return hit;
  }
  const tasks = unpackTaskUnits(ref.tasks);
  const graph = includeCollectives ? new CollaborationGraph(tasks) : CollaborationGraph.without(tasks, new Set(ref.collectives));
  built.set(key, graph);
  builtEdges += graph.size;
  for (const [id, old] of built) {
    if (builtEdges <= KEEP_EDGES || old === graph) break;
    built.delete(id);
    builtEdges -= old.size;
  }
  return graph;
}

export function centralities(question: GraphQuestion): Map<number, UnitCentrality> {
  return graphOf(question).allCentralities();
}

export function communities(ref: GraphRef): UnitCommunity[] {
  return graphOf({ graph: ref, includeCollectives: true }).allCommunities();
}

export function path({ graph, from, to, maxHops }: { graph: GraphRef; from: number; to: number; maxHops: number }): UnitPathResult | null {
  return graphOf({ graph, includeCollectives: true }).path(from, to, maxHops);
}

export function leaderPath(
  question: GraphQuestion & { fromTasks: number[]; toTasks: number[]; maxHops: number },
): LeaderPathResult | null {
  return leaderPathIn(graphOf(question), question.fromTasks, question.toTasks, question.maxHops);
}
