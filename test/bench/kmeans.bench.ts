import type { BenchRow } from './BenchRow';
import { chooseK } from '../../src/core/cluster/chooseK';
import { fitKmeans } from '../../src/core/cluster/fitKmeans';
import { kmeansInitSeeds } from '../../src/core/cluster/kmeansInitSeeds';
import { kmeansSingleInit } from '../../src/core/cluster/kmeansSingleInit';
import { createKmeansWorkspace } from '../../src/core/cluster/KmeansWorkspace';
import { prepareFeatures, type PreparedFeatures } from '../../src/core/cluster/prepareFeatures';
import { createRng } from '../../src/core/random/createRng';
import { chooseKInWorkers, fitKmeansInWorkers, kmeansWorkerScript } from '../../src/io/kmeansWorkers';
import { sampleExponential, samplePoisson } from '../../src/core/random/distributions';

/** Customer-like features: log-normal spend, Poisson-ish order counts, uniform recency. Seeded, so Python can time the same rows. */
export function customerLikeColumns(n: number, seed: number): { monetary: Float64Array; frequency: Float64Array; recency: Float64Array } {
  const rng = createRng(seed);
  const monetary = new Float64Array(n);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    monetary[i] = Math.round(Math.exp(4 + 1.1 * rng.normal()) * 100) / 100;
    frequency[i] = 1 + samplePoisson(rng, sampleExponential(rng, 1 / 3));
    recency[i] = rng.int(730);
  }
  return { monetary, frequency, recency };
}

function prepare(n: number): PreparedFeatures {
  const c = customerLikeColumns(n, 2024);
  return prepareFeatures({ numeric: [{ name: 'recency', values: c.recency }, { name: 'frequency', values: c.frequency }, { name: 'monetary', values: c.monetary, log: true }] });
}

function time<T>(fn: () => T): { seconds: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { seconds: (performance.now() - t0) / 1000, value };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ seconds: number; cpuSeconds: number; value: T }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, value };
}

/** scikit-learn 1.2.1 on the same rows, two threads, its best runs on this machine (test/fixtures/kmeans/README.md). */
const SKLEARN = {
  125_000: { one: 0.035, ten: 0.24 },
  1_048_576: { one: 0.27, ten: 2.25 },
} as const;

export default async function kmeansBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // The worker bundle is built once per install (first use); that is not part of a fit's time.
  await kmeansWorkerScript();
  for (const [n, size] of [[125_000, '125,000 × 3'], [1_048_576, '1,048,576 × 3']] as const) {
    const sk = SKLEARN[n];
    const prep = prepare(n);
    const one = time(() => kmeansSingleInit(prep.data, prep.n, prep.d, 5, 7));
    rows.push({ area: 'kmeans', case: 'k-means k=5, one init (Hamerly, WebAssembly kernel, 1 thread)', size, seconds: one.seconds, note: `${one.value.iterations} iterations; scikit-learn n_init=1: ${sk.one} s with 2 threads` });
    const ten = time(() => fitKmeans(prep, { k: 5, nInit: 10, seed: 7 }));
    rows.push({ area: 'kmeans', case: 'k-means k=5, nInit=10 (1 thread)', size, seconds: ten.seconds, note: `inertia ${ten.value.model.inertia.toFixed(1)}; WebAssembly kernel` });
    // The same ten initialisations in the TypeScript loops, what an engine without WebAssembly SIMD runs.
    const workspace = createKmeansWorkspace(prep.n, { wasm: false });
    const plain = time(() => Math.min(...kmeansInitSeeds(7, 10).map((seed) => kmeansSingleInit(prep.data, prep.n, prep.d, 5, seed, { workspace }).inertia)));
    rows.push({ area: 'kmeans', case: 'k-means k=5, nInit=10 (1 thread, TypeScript loops: the fallback without WebAssembly)', size, seconds: plain.seconds, note: plain.value === ten.value.model.inertia ? 'same inertia as the kernel' : 'DIFFERENT inertia from the kernel' });
    const pooled = await timeAsync(() => fitKmeansInWorkers(prep, { k: 5, nInit: 10, seed: 7 }, { threads: 2 }));
    const same = pooled.value.model.inertia === ten.value.model.inertia;
    rows.push({ area: 'kmeans', case: 'fitKmeansInWorkers k=5, nInit=10 (2 threads)', size, seconds: pooled.seconds, targetSeconds: sk.ten, note: `process CPU ${pooled.cpuSeconds.toFixed(2)} s (all threads); ${same ? 'same model as 1 thread' : 'DIFFERENT model from 1 thread'}; target: scikit-learn KMeans(5, n_init=10), 2 threads` });
    if (n === 125_000) {
      const ck = time(() => chooseK(prep, { kMin: 2, kMax: 10, seed: 7 }));
      rows.push({ area: 'kmeans', case: 'chooseK 2..10, nInit=10, silhouette on 10,000-row sample (1 thread)', size, seconds: ck.seconds, note: `chose k=${ck.value.k}` });
      const pooledK = await timeAsync(() => chooseKInWorkers(prep, { kMin: 2, kMax: 10, seed: 7 }, { threads: 2 }));
      rows.push({ area: 'kmeans', case: 'chooseKInWorkers 2..10, nInit=10, silhouette on 10,000-row sample (2 threads)', size, seconds: pooledK.seconds, note: `chose k=${pooledK.value.k}; process CPU ${pooledK.cpuSeconds.toFixed(2)} s` });
    }
  }
  return rows;
}
