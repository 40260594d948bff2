import type { TaskUnits } from './collaboration-graph';

/**
 * The graph's input (each task with its units) packed into one Int32Array
 * over a SharedArrayBuffer: `taskId, n, unit₁ … unitₙ` per task. The request
 * thread reads a plan's rows once and the analytics threads read the same
 * memory, so asking a worker for a path or a centrality copies nothing, however
 * large the plan. Read-only once packed.
 */
export type PackedTaskUnits = Int32Array;

export function packTaskUnits(tasks: readonly TaskUnits[]): PackedTaskUnits {
  let length = 0;
  for (const t of tasks) length += 2 + t.unitIds.length;
  const packed = new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
  let at = 0;
  for (const { taskId, unitIds } of tasks) {
    packed[at++] = taskId;
    packed[at++] = unitIds.length;
    packed.set(unitIds, at);
    at += unitIds.length;
  }
  return packed;
}

export function unpackTaskUnits(packed: PackedTaskUnits): TaskUnits[] {
  const tasks: TaskUnits[] = [];
  for (let at = 0; at < packed.length; ) {
    const taskId = packed[at];
    const n = packed[at + 1];
    tasks.push({ taskId, unitIds: Array.from(packed.subarray(at + 2, at + 2 + n)) });
    at += 2 + n;
  }
  return tasks;
}

/** Several packed inputs as one (a jurisdiction's plans merged). */
export function concatPacked(parts: readonly PackedTaskUnits[]): PackedTaskUnits {
  const packed = new Int32Array(new SharedArrayBuffer(parts.reduce((n, p) => n + p.byteLength, 0)));
  let at = 0;
  for (const part of parts) {
    packed.set(part, at);
    at += part.length;
  }
  return packed;
}
