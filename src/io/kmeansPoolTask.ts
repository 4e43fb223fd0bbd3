import { runKCandidate, type ChooseKOptions } from '../core/cluster/chooseK';
import { createKmeansWorkspace } from '../core/cluster/KmeansWorkspace';
import { kmeansSingleInit } from '../core/cluster/kmeansSingleInit';
import type { PreparedFeatures } from '../core/cluster/prepareFeatures';

/** What runPool in kmeansWorkers.ts hands each thread, its own included. */
export interface PoolWorkerData {
  kind: 'init' | 'candidate';
  /** Seeds (`init`) or candidate k (`candidate`). */
  tasks: number[];
  /** Shared task counter: each thread claims the next task, so a slow one never leaves the other idle. */
  counter: Int32Array;
  // `init`: one k-means initialisation per seed on a shared matrix.
  data?: Float64Array;
  n?: number;
  d?: number;
  k?: number;
  maxIter?: number;
  tol?: number;
  // `candidate`: one candidate k of chooseK (fit and silhouette).
  prepared?: PreparedFeatures;
  options?: ChooseKOptions;
}

type Task = (task: number) => { result: unknown; transfer: ArrayBuffer[] };

/** One task of the pool: a k-means initialisation from its seed, or one candidate k of chooseK. */
function taskRunner(w: PoolWorkerData): Task {
  if (w.kind === 'init') {
    const workspace = createKmeansWorkspace(w.n!);
    return (seed) => {
      const run = kmeansSingleInit(w.data!, w.n!, w.d!, w.k!, seed, { maxIter: w.maxIter, tol: w.tol, workspace });
      return { result: run, transfer: [run.labels.buffer as ArrayBuffer, run.centroids.buffer as ArrayBuffer] };
    };
  }
  return (k) => {
    const run = runKCandidate(w.prepared!, k, w.options!);
    return { result: run, transfer: [run.fit.labels.buffer as ArrayBuffer] };
  };
}

/**
 * Runs the pool's tasks in this thread as long as any is left unclaimed: each thread claims the
 * next from the shared counter, so a slow task on one never leaves the other idle. Each result
 * goes to `done` with the buffers it may transfer instead of copying.
 *
 * @example
 * runPoolTasks(workerData, (i, result, transfer) => parentPort.postMessage({ i, result }, transfer));
 */
export function runPoolTasks(w: PoolWorkerData, done: (i: number, result: unknown, transfer: ArrayBuffer[]) => void): void {
  const run = taskRunner(w);
  for (;;) {
    const i = Atomics.add(w.counter, 0, 1);
    if (i >= w.tasks.length) break;
    const { result, transfer } = run(w.tasks[i]);
    done(i, result, transfer);
  }
}
