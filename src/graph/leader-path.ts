import type { CollaborationGraph, PathHop } from './collaboration-graph';

/** A chain leader → unit → … → unit → leader (see leaderPath). */
export interface LeaderPathResult {
  /** The units between the two leaders, in order (one when a unit is on tasks of both). */
  unitIds: number[];
  /** Unit-to-unit steps, each with the tasks that join it. */
  hops: PathHop[];
  /** Tasks of the first leader the first unit is on (the leader → unit step). */
  fromTasks: number[];
  /** Tasks of the second leader the last unit is on (the unit → leader step). */
  toTasks: number[];
}

/**
 * A shortest chain between two leaders in a collaboration graph: from any
 * unit on one leader's tasks to any unit on the other's, fewest unit-to-unit
 * hops first. Leaders are not nodes of the graph (the graph is the units'),
 * so this is a breadth-first search from all of the first leader's units at
 * once; the frontier and the neighbours are visited in id and edge order,
 * so equal data always gives the same chain. Null when no chain has at most
 * `maxHops` unit-to-unit hops, or when either leader has no unit in the graph.
 */
export function leaderPath(graph: CollaborationGraph, fromTasks: readonly number[], toTasks: readonly number[], maxHops: number): LeaderPathResult | null {
  const unitsOf = (tasks: readonly number[]) => new Set(tasks.flatMap((t) => graph.unitsOfTask(t)).filter((u) => graph.hasUnit(u)));
  const sources = [...unitsOf(fromTasks)].sort((x, y) => x - y);
  const targets = unitsOf(toTasks);
  if (sources.length === 0 || targets.size === 0) return null;

  const previous = new Map<number, number | null>(sources.map((id) => [id, null]));
  let frontier = sources;
  let reached = sources.find((id) => targets.has(id));
  for (let depth = 0; reached === undefined && depth < maxHops && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const unit of frontier) {
      for (const neighbour of graph.neighbours(unit)) {
        if (previous.has(neighbour)) continue;
        previous.set(neighbour, unit);
        next.push(neighbour);
        if (reached === undefined && targets.has(neighbour)) reached = neighbour;
      }
      if (reached !== undefined) break;
    }
    frontier = next;
  }
  if (reached === undefined) return null;

  const unitIds: number[] = [];
  for (let at: number | null = reached; at !== null; at = previous.get(at)!) unitIds.unshift(at);
  const on = (tasks: readonly number[], unit: number) => tasks.filter((t) => graph.unitsOfTask(t).includes(unit));
  return {
    unitIds,
    hops: unitIds.slice(1).map((to, i) => ({ from: unitIds[i], to, tasks: graph.sharedTasks(unitIds[i], to) })),
    fromTasks: on(fromTasks, unitIds[0]),
    toTasks: on(toTasks, unitIds.at(-1)!),
  };
}
