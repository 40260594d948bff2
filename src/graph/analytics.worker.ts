import { CollaborationGraph, type UnitCentrality, type UnitCommunity, type UnitPathResult } from './collaboration-graph';
import { type PackedTaskUnits, unpackTaskUnits } from './task-units';

/**
 * What runs on the analytics threads (analytics-pool.ts): betweenness,
 * Louvain and shortest paths over a plan's collaboration graph, so a
 * computation of seconds never holds up the request thread. Loaded by the
 * pool only, never imported at run time by the request thread.
 */

/** A graph as the request thread knows it: an id unique per build, and its packed rows (shared memory). */
export interface GraphRef {
  id: number;
  tasks: PackedTaskUnits;
}

// Each thread keeps the graphs it built, so a run of path questions on one
// plan builds it once per thread. Bounded by edges, not by count: one 50×
// plan weighs as much as a thousand seed-size ones. Least recently used go first.
const KEEP_EDGES = 500_000;
const built = new Map<number, CollaborationGraph>();
let builtEdges = 0;

function graphOf(ref: GraphRef): CollaborationGraph {
  const hit = built.get(ref.id);
  if (hit) {
    built.delete(ref.id);
    built.set(ref.id, hit);
    return hit;
  }
  const graph = new CollaborationGraph(unpackTaskUnits(ref.tasks));
  built.set(ref.id, graph);
  builtEdges += graph.size;
  for (const [id, old] of built) {
    if (builtEdges <= KEEP_EDGES || old === graph) break;
    built.delete(id);
    builtEdges -= old.size;
  }
  return graph;
}

export function centralities(ref: GraphRef): Map<number, UnitCentrality> {
  return graphOf(ref).allCentralities();
}

export function communities(ref: GraphRef): UnitCommunity[] {
  return graphOf(ref).allCommunities();
}

export function path({ graph, from, to, maxHops }: { graph: GraphRef; from: number; to: number; maxHops: number }): UnitPathResult | null {
  return graphOf(graph).path(from, to, maxHops);
}
