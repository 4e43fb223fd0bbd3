import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cachedBundle, ROOT } from './cachedBundle.cjs';
import { runPoolTasks, type PoolWorkerData } from './kmeansPoolTask';
import { pickK, planChooseK, runKCandidate, type ChooseKOptions, type ChooseKResult, type KCandidateRun } from '../core/cluster/chooseK';
import { finishKmeans, fitKmeans, planKmeans, type FitKmeansOptions, type KmeansFit } from '../core/cluster/fitKmeans';
import type { KmeansRun } from '../core/cluster/kmeansSingleInit';
import type { PreparedFeatures } from '../core/cluster/prepareFeatures';

export interface KmeansWorkerOptions {
  /** Threads in all, this one included (default: the machine's parallelism, at most the number of tasks). */
  threads?: number;
}

/** The worker threads' entry, from the repository root. */
const WORKER_ENTRY = 'src/io/kmeansPoolWorker.ts';

type WorkerScript = { file: string } | { code: string };

/**
 * How a worker thread starts: from the bundle of {@link WORKER_ENTRY} cached in
 * node_modules/.cache/segmentkit (built on first use, 30–50 ms faster per thread than loading tsx
 * and compiling the clustering sources in each), else through tsx; null when neither can run
 * here, so the caller runs in-thread. Asked at each use (a few stats): a bundle rebuilt by another
 * process meanwhile is picked up.
 *
 * @example
 * await kmeansWorkerScript(); // before a timing, so the first use's bundling is not counted
 */
export async function kmeansWorkerScript(): Promise<WorkerScript | null> {
  const file = await cachedBundle({ name: 'kmeans-worker', entry: WORKER_ENTRY });
  if (file) return { file };
  const tsx = tsxRegister();
  const entry = join(ROOT, WORKER_ENTRY);
  return tsx && existsSync(entry) ? { code: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});` } : null;
}

/** tsx resolved here, so workers find it whatever the working directory. */
function tsxRegister(): string | undefined {
  try {
    return require.resolve('tsx/cjs');
  } catch {
    return undefined;
  }
}

interface PoolJob {
  kind: 'init' | 'candidate';
  tasks: number[];
  /** What the threads need beside the tasks (cloned into each, shared memory shared); made only once the pool runs. */
  shared: () => Omit<PoolWorkerData, 'kind' | 'tasks' | 'counter'>;
}

/**
 * Runs `job.tasks` on `threads` threads, this one included, and returns the results in task
 * order; null when workers cannot start here (no bundle, sources or tsx), so the caller runs in-thread.
 */
async function runPool<T>(job: PoolJob, threads: number): Promise<T[] | null> {
  if (threads <= 1) return null;
  const script = await kmeansWorkerScript();
  if (!script) return null;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const results: T[] = new Array(job.tasks.length);
  const workerData: PoolWorkerData = { ...job.shared(), kind: job.kind, tasks: job.tasks, counter };
  const finished = Array.from({ length: threads - 1 }, () => {
    // A bundle needs none of this process's flags; inheriting them would load tsx's loader (when
    // run through tsx) in every worker, which costs what the bundle saves.
    const worker = 'file' in script ? new Worker(script.file, { workerData, execArgv: [] }) : new Worker(script.code, { eval: true, workerData });
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
  // This thread takes tasks too, run by the same code as the workers.
  runPoolTasks(workerData, (i, result) => (results[i] = result as T));
  await Promise.all(finished);
  return results;
}

/**
 * {@link fitKmeans} with its initialisations spread over worker threads: the same plan, the
 * same per-initialisation function and the same choice of run, so the result equals
 * `fitKmeans(prepared, options)` exactly; only the wall time differs. Falls back to one thread
 * when only one is available or workers cannot start (see {@link kmeansWorkerScript}).
 *
 * @example
 * const fit = await fitKmeansInWorkers(prepared, { k: 5, nInit: 10, seed: 7 }, { threads: 2 });
 * fit.model.inertia;
 */
export async function fitKmeansInWorkers(prepared: PreparedFeatures, options: FitKmeansOptions, pool: KmeansWorkerOptions = {}): Promise<KmeansFit> {
  const plan = planKmeans(prepared, options);
  const runs = await runPool<KmeansRun>({
    kind: 'init',
    tasks: plan.seeds,
    shared: () => {
      // The rows once, in memory every thread reads.
      const data = new Float64Array(new SharedArrayBuffer(prepared.data.byteLength));
      data.set(prepared.data);
      return { data, n: prepared.n, d: prepared.d, k: plan.k, maxIter: plan.maxIter, tol: plan.tol };
    },
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
    shared: () => ({ prepared, options }),
  }, Math.min(pool.threads ?? availableParallelism(), ks.length));
  return pickK(runs ?? ks.map((k) => runKCandidate(prepared, k, options)));
}
