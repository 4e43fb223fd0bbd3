import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { pickK, planChooseK, runKCandidate, type ChooseKOptions, type ChooseKResult, type KCandidateRun } from '../core/cluster/chooseK';
import { finishKmeans, fitKmeans, planKmeans, type FitKmeansOptions, type KmeansFit } from '../core/cluster/fitKmeans';
import { createKmeansWorkspace } from '../core/cluster/KmeansWorkspace';
import { kmeansSingleInit, type KmeansRun } from '../core/cluster/kmeansSingleInit';
import type { PreparedFeatures } from '../core/cluster/prepareFeatures';

export interface KmeansWorkerOptions {
  /** Threads in all, this one included (default: the machine's parallelism, at most the number of tasks). */
  threads?: number;
}

/**
 * Where the workers load the per-task code from: the sources next to this file under tsx, or,
 * from the CLI's cached bundle (node_modules/.cache/segmentkit), the repository's src.
 */
const CLUSTER_DIR = [join(__dirname, '..', 'core', 'cluster'), join(__dirname, '..', '..', '..', 'src', 'core', 'cluster')].find((dir) => existsSync(join(dir, 'kmeansSingleInit.ts')));

/** tsx resolved here, so workers find it whatever the working directory. */
function tsxRegister(): string | undefined {
  try {
    return require.resolve('tsx/cjs');
  } catch {
    return undefined;
  }
}

// Each thread claims the next task from a shared counter, so a slow task on one thread never
// leaves the other idle; results travel back with their arrays transferred, not copied. A task
// is one k-means initialisation (`init`) or one candidate k of chooseK (`candidate`).
const WORKER_CODE = `
const { parentPort, workerData: w } = require('node:worker_threads');
require(w.tsx);
// Only the kind's own sources are compiled: a worker's start-up is part of the wait.
let runTask;
if (w.kind === 'init') {
  const { kmeansSingleInit } = require(w.dir + '/kmeansSingleInit.ts');
  const workspace = require(w.dir + '/KmeansWorkspace.ts').createKmeansWorkspace(w.n);
  runTask = (seed) => {
    const run = kmeansSingleInit(w.data, w.n, w.d, w.k, seed, { maxIter: w.maxIter, tol: w.tol, workspace });
    return { result: run, transfer: [run.labels.buffer, run.centroids.buffer] };
  };
} else {
  const { runKCandidate } = require(w.dir + '/chooseK.ts');
  runTask = (k) => {
    const run = runKCandidate(w.prepared, k, w.options);
    return { result: run, transfer: [run.fit.labels.buffer] };
  };
}
for (;;) {
  const i = Atomics.add(w.counter, 0, 1);
  if (i >= w.tasks.length) break;
  const { result, transfer } = runTask(w.tasks[i]);
  parentPort.postMessage({ i, result }, transfer);
}
parentPort.postMessage({ done: true });
`;

interface PoolJob<T> {
  kind: 'init' | 'candidate';
  tasks: number[];
  /** What the workers need beside the tasks (cloned into each). */
  shared: Record<string, unknown>;
  /** The same task in this thread. */
  runHere: (task: number) => T;
}

/**
 * Runs `job.tasks` on `threads` threads, this one included, and returns the results in task
 * order; null when workers cannot start here (no sources or tsx), so the caller runs in-thread.
 */
async function runPool<T>(job: PoolJob<T>, threads: number): Promise<T[] | null> {
  const tsx = tsxRegister();
  if (threads <= 1 || !CLUSTER_DIR || !tsx) return null;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const results: T[] = new Array(job.tasks.length);
  const workerData = { ...job.shared, kind: job.kind, tasks: job.tasks, counter, tsx, dir: CLUSTER_DIR };
  const finished = Array.from({ length: threads - 1 }, () => {
    const worker = new Worker(WORKER_CODE, { eval: true, workerData });
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { done?: boolean; i: number; result: T }) => {
        if (m.done) {
          void worker.terminate();
          resolve();
        } else results[m.i] = m.result;
      });
      worker.on('error', reject);
    });
  });
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= job.tasks.length) break;
    results[i] = job.runHere(job.tasks[i]);
  }
  await Promise.all(finished);
  return results;
}

/**
 * {@link fitKmeans} with its initialisations spread over worker threads: the same plan, the
 * same per-initialisation function and the same choice of run, so the result equals
 * `fitKmeans(prepared, options)` exactly; only the wall time differs. Falls back to one thread
 * when only one is available or the sources or tsx cannot be found.
 *
 * @example
 * const fit = await fitKmeansInWorkers(prepared, { k: 5, nInit: 10, seed: 7 }, { threads: 2 });
 * fit.model.inertia;
 */
export async function fitKmeansInWorkers(prepared: PreparedFeatures, options: FitKmeansOptions, pool: KmeansWorkerOptions = {}): Promise<KmeansFit> {
  const plan = planKmeans(prepared, options);
  const data = new Float64Array(new SharedArrayBuffer(prepared.data.byteLength));
  data.set(prepared.data);
  const workspace = createKmeansWorkspace(prepared.n);
  const runs = await runPool<KmeansRun>({
    kind: 'init',
    tasks: plan.seeds,
    shared: { data, n: prepared.n, d: prepared.d, k: plan.k, maxIter: plan.maxIter, tol: plan.tol },
    runHere: (seed) => kmeansSingleInit(data, prepared.n, prepared.d, plan.k, seed, { maxIter: plan.maxIter, tol: plan.tol, workspace }),
  }, Math.min(pool.threads ?? availableParallelism(), plan.seeds.length));
  return runs ? finishKmeans(prepared, plan, runs) : fitKmeans(prepared, options);
}

/**
 * {@link chooseK} with its candidate k spread over worker threads (each fits k-means and scores
 * its silhouette, the slow part of choosing k); the same runs picked the same way, so the result
 * equals `chooseK(prepared, options)` exactly.
 *
 * @example
 * const chosen = await chooseKInWorkers(sample, { kMin: 2, kMax: 8, seed: 1 }, { threads: 2 });
 * chosen.k; chosen.candidates;
 */
export async function chooseKInWorkers(prepared: PreparedFeatures, options: ChooseKOptions = {}, pool: KmeansWorkerOptions = {}): Promise<ChooseKResult> {
  const ks = planChooseK(prepared, options);
  const runs = await runPool<KCandidateRun>({
    kind: 'candidate',
    tasks: ks,
    shared: { prepared, options },
    runHere: (k) => runKCandidate(prepared, k, options),
  }, Math.min(pool.threads ?? availableParallelism(), ks.length));
  return pickK(runs ?? ks.map((k) => runKCandidate(prepared, k, options)));
}
