import { CollaborationGraph } from '../../src/graph/collaboration-graph';

/**
 * The pure graph on small cases worked out by hand:
 *
 *   task 1: A B      A — B — C — D      E (alone on task 4)
 *   task 2: B C          \   /
 *   task 3: C D B         (B–D via task 3)
 */
const A = 1, B = 2, C = 3, D = 4, E = 5;
const graph = () =>
  new CollaborationGraph([
    { taskId: 1, unitIds: [A, B] },
    { taskId: 2, unitIds: [B, C] },
    { taskId: 3, unitIds: [C, D, B, B] },
    { taskId: 4, unitIds: [E] },
  ]);

describe('CollaborationGraph', () => {
  it('joins units sharing a task, weights edges by shared tasks and keeps their ids', () => {
    const g = graph();
    expect([g.order, g.size]).toEqual([5, 4]); // A–B, B–C, B–D, C–D
    expect(g.sharedTasks(B, C)).toEqual([2, 3]);
    expect(g.sharedTasks(C, B)).toEqual([2, 3]);
    expect(g.sharedTasks(A, D)).toEqual([]);
  });

  it('computes degree, weighted degree, betweenness by hops and competition ranks', () => {
    const g = graph();
    // B lies on the only shortest paths A–C and A–D: betweenness 2. Nobody else brokers.
    expect(g.centrality(B)).toEqual({ degree: 3, weightedDegree: 4, betweenness: 2, rank: 1 });
    expect(g.centrality(C)).toEqual({ degree: 2, weightedDegree: 3, betweenness: 0, rank: 2 });
    expect(g.centrality(A)).toMatchObject({ degree: 1, weightedDegree: 1, rank: 2 });
    expect(g.centrality(E)).toEqual({ degree: 0, weightedDegree: 0, betweenness: 0, rank: 2 });
    expect(g.centrality(99)).toBeNull();
  });

  it('counts betweenness by hops, not by weight, and splits it over equally short paths', () => {
    // A square X–Y–Z–W–X with a heavy X–Y edge: X and Z are each joined by two 2-hop paths.
    const [X, Y, Z, W] = [1, 2, 3, 4];
    const g = new CollaborationGraph([
      { taskId: 1, unitIds: [X, Y] }, { taskId: 2, unitIds: [X, Y] }, { taskId: 3, unitIds: [X, Y] },
      { taskId: 4, unitIds: [Y, Z] }, { taskId: 5, unitIds: [Z, W] }, { taskId: 6, unitIds: [W, X] },
    ]);
    for (const unit of [X, Y, Z, W]) expect(g.centrality(unit)!.betweenness).toBeCloseTo(0.5, 12);
    expect(g.centrality(X)!.weightedDegree).toBe(4);
  });

  it('finds a shortest path with the tasks of each hop, or null beyond maxHops or across components', () => {
    const g = graph();
    expect(g.path(A, D, 4)).toEqual({ unitIds: [A, B, D], hops: [{ from: A, to: B, tasks: [1] }, { from: B, to: D, tasks: [3] }] });
    expect(g.path(A, D, 1)).toBeNull();
    expect(g.path(A, E, 8)).toBeNull();
    expect(g.path(A, 99, 8)).toBeNull();
    expect(g.path(C, C, 1)).toEqual({ unitIds: [C], hops: [] });
  });

  it('finds the same communities every time, numbered from the largest', () => {
    const twoCliques = () =>
      new CollaborationGraph([
        { taskId: 1, unitIds: [1, 2, 3] }, { taskId: 2, unitIds: [1, 2, 3] },
        { taskId: 3, unitIds: [4, 5, 6, 7] }, { taskId: 4, unitIds: [4, 5, 6, 7] },
        { taskId: 5, unitIds: [3, 4] },
      ]);
    const g = twoCliques();
    expect(g.community(5)).toEqual({ number: 1, unitIds: [4, 5, 6, 7] });
    expect(g.community(1)).toEqual({ number: 2, unitIds: [1, 2, 3] });
    expect(twoCliques().community(3)).toEqual(g.community(3));
  });

  it('merges plans into one graph for paths across years', () => {
    const merged = CollaborationGraph.union([graph(), new CollaborationGraph([{ taskId: 10, unitIds: [A, E] }, { taskId: 11, unitIds: [B, C] }])]);
    expect(merged.path(D, E, 4)!.unitIds).toEqual([D, B, A, E]);
    expect(merged.sharedTasks(B, C)).toEqual([2, 3, 11]);
  });
});
