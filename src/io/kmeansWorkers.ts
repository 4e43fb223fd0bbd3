import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { finishKmeans, fitKmeans, planKmeans, type FitKmeansOptions, type KmeansFit } from '../core/cluster/fitKmeans';
import { createKmeansWorkspace } from '../core/cluster/KmeansWorkspace';
import { kmeansSingleInit, type KmeansRun } from '../core/cluster/kmeansSingleInit';
import type { PreparedFeatures } from '../core/cluster/prepareFeatures';

export interface KmeansWorkerOptions {
  /** Threads in all, this one included (default: the machine's parallelism, at most nInit). */
  threads?: number;
}

/**
 * Where the workers load the per-initialisation code from: the sources next to this file under
 * tsx, or, from the CLI's cached bundle (node_modules/.cache/segmentkit), the repository's src.
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

// Each thread claims the next initialisation from a shared counter, so a slow run on one thread
// never leaves the other idle; runs travel back with their arrays transferred, not copied.
const WORKER_CODE = `
const { parentPort, workerData: w } = require('node:worker_threads');
require(w.tsx);
const { kmeansSingleInit } = require(w.source);
const workspace = require(w.workspaceSource).createKmeansWorkspace(w.n);
for (;;) {
  const i = Atomics.add(w.counter, 0, 1);
  if (i >= w.seeds.length) break;
  const run = kmeansSingleInit(w.data, w.n, w.d, w.k, w.seeds[i], { maxIter: w.maxIter, tol: w.tol, workspace });
  parentPort.postMessage({ i, run }, [run.labels.buffer, run.centroids.buffer]);
}
parentPort.postMessage({ done: true });
`;

/**
 * {@link fitKmeans} with its initialisations spread over worker threads: the same plan, the
 * same per-initialisation function and the same choice of run, so the result equals
 * `fitKmeans(prepared, options)` exactly; only the wall time differs (k = 5, nInit = 10 on
 * 1,048,576 × 3: about half on two cores). Falls back to one thread when only one is available
 * or the sources or tsx cannot be found.
 *
 * @example
 * const fit = await fitKmeansInWorkers(prepared, { k: 5, nInit: 10, seed: 7 }, { threads: 2 });
 * fit.model.inertia;
 */
export async function fitKmeansInWorkers(prepared: PreparedFeatures, options: FitKmeansOptions, pool: KmeansWorkerOptions = {}): Promise<KmeansFit> {
  const plan = planKmeans(prepared, options);
  const threads = Math.min(pool.threads ?? availableParallelism(), plan.seeds.length);
  const tsx = tsxRegister();
  if (threads <= 1 || !CLUSTER_DIR || !tsx) return fitKmeans(prepared, options);
  const data = new Float64Array(new SharedArrayBuffer(prepared.data.byteLength));
  data.set(prepared.data);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const runs: KmeansRun[] = new Array(plan.seeds.length);
  const shared = { tsx, source: join(CLUSTER_DIR, 'kmeansSingleInit.ts'), workspaceSource: join(CLUSTER_DIR, 'KmeansWorkspace.ts'), data, counter, n: prepared.n, d: prepared.d, k: plan.k, seeds: plan.seeds, maxIter: plan.maxIter, tol: plan.tol };
  const finished = Array.from({ length: threads - 1 }, () => {
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: shared });
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { done?: boolean; i: number; run: KmeansRun }) => {
        if (m.done) {
          void worker.terminate();
          resolve();
        } else runs[m.i] = m.run;
      });
      worker.on('error', reject);
    });
  });
  const workspace = createKmeansWorkspace(prepared.n);
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= plan.seeds.length) break;
    runs[i] = kmeansSingleInit(data, prepared.n, prepared.d, plan.k, plan.seeds[i], { maxIter: plan.maxIter, tol: plan.tol, workspace });
  }
  await Promise.all(finished);
  return finishKmeans(prepared, plan, runs);
}
