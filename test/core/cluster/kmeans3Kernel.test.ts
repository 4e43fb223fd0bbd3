import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assembleWat, WASM_KERNELS, wasmModuleText } from '../../../src/build/buildWasm';
import { kmeans3Kernel } from '../../../src/core/cluster/kmeans3Kernel';
import { createKmeansWorkspace } from '../../../src/core/cluster/KmeansWorkspace';
import { kmeansSingleInit, type KmeansRun } from '../../../src/core/cluster/kmeansSingleInit';
import { prepareFeatures } from '../../../src/core/cluster/prepareFeatures';
import { createRng } from '../../../src/core/random/createRng';
import { customerLikeColumns } from '../../bench/kmeans.bench';

function fingerprint(run: KmeansRun): string {
  const hash = createHash('sha1').update(Buffer.from(run.labels.buffer, run.labels.byteOffset, run.labels.byteLength)).update(Buffer.from(run.centroids.buffer)).digest('hex');
  return `${run.inertia} ${run.iterations} ${run.converged} ${hash}`;
}

function customers(n: number): Float64Array {
  const c = customerLikeColumns(n, 99);
  return prepareFeatures({ numeric: [{ name: 'recency', values: c.recency }, { name: 'frequency', values: c.frequency }, { name: 'monetary', values: c.monetary, log: true }] }).data;
}

/** Whole numbers on a small grid: many rows at exactly the same place and many exact ties between centres. */
function grid(n: number): Float64Array {
  const rng = createRng(5);
  return Float64Array.from({ length: n * 3 }, () => rng.int(4));
}

/** The same run in TypeScript and in the kernel; the kernel must have been used (it holds the rows last). */
function bothWays(data: Float64Array, k: number, seed: number): [string, string] {
  const n = data.length / 3;
  const js = kmeansSingleInit(data, n, 3, k, seed, { workspace: createKmeansWorkspace(n, { wasm: false }) });
  const wasm = kmeansSingleInit(data, n, 3, k, seed, { workspace: createKmeansWorkspace(n) });
  expect(kmeans3Kernel(n)?.dataOf).toBe(data);
  return [fingerprint(wasm), fingerprint(js)];
}

describe('the WebAssembly k-means kernel', () => {
  it.each(WASM_KERNELS.map((kernel) => [kernel.source.split(/[\\/]/).pop()!, kernel] as const))('%s is the binary in its generated module', async (name, kernel) => {
    const bytes = await assembleWat(kernel.source);
    expect(readFileSync(kernel.module, 'utf8')).toBe(wasmModuleText(bytes, kernel.name, name));
    expect(dirname(kernel.module)).toBe(join(__dirname, '..', '..', '..', 'src', 'core', 'cluster'));
  });

  // k = 20 seeds with four candidates a step (one group), k = 60 with six (a group and a short one),
  // k = 300 with seven.
  it.each([
    ['5,000 customers', 2, 1, () => customers(5000)],
    ['5,000 customers', 5, 7, () => customers(5000)],
    ['an odd 4,999 customers', 8, 12345, () => customers(4999)],
    ['5,000 customers', 20, 3, () => customers(5000)],
    ['2,001 customers', 60, 4, () => customers(2001)],
    ['a grid full of ties', 6, 11, () => grid(3001)],
    ['three rows', 3, 2, () => customers(100).slice(0, 9)],
    ['two rows', 2, 9, () => customers(100).slice(30, 36)],
    // Seeded in the kernel, iterated in TypeScript: one centre, and more centres than the kernel holds.
    ['1,000 customers', 1, 5, () => customers(1000)],
    ['1,000 customers', 300, 6, () => customers(1000)],
  ])('gives the TypeScript run to the bit: %s, k=%i, seed %i', (_name, k, seed, make) => {
    const [wasm, js] = bothWays(make(), k, seed);
    expect(wasm).toBe(js);
  });

  it('recovers empty clusters as the TypeScript loop does (every row in one place)', () => {
    const data = new Float64Array(30).fill(1.5);
    const [wasm, js] = bothWays(data, 3, 1);
    expect(wasm).toBe(js);
    const run = kmeansSingleInit(data, 10, 3, 3, 1);
    expect(new Set(run.labels).size).toBe(3);
  });

  it('keeps a run on other rows apart from the rows it loaded before', () => {
    const a = customers(1000);
    const b = customers(1000).map((x) => x * 2);
    const workspace = createKmeansWorkspace(1000);
    kmeansSingleInit(a, 1000, 3, 4, 1, { workspace });
    const second = kmeansSingleInit(b, 1000, 3, 4, 1, { workspace });
    expect(fingerprint(second)).toBe(fingerprint(kmeansSingleInit(b, 1000, 3, 4, 1, { workspace: createKmeansWorkspace(1000, { wasm: false }) })));
  });

  it('gives way to the TypeScript loops where WebAssembly is missing, with the same run', () => {
    const data = customers(2000);
    const expected = fingerprint(kmeansSingleInit(data, 2000, 3, 5, 7, { workspace: createKmeansWorkspace(2000, { wasm: false }) }));
    const saved = globalThis.WebAssembly;
    try {
      delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('../../../src/core/cluster/KmeansWorkspace') as typeof import('../../../src/core/cluster/KmeansWorkspace');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const init = require('../../../src/core/cluster/kmeansSingleInit') as typeof import('../../../src/core/cluster/kmeansSingleInit');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const kernel = require('../../../src/core/cluster/kmeans3Kernel') as typeof import('../../../src/core/cluster/kmeans3Kernel');
        expect(fingerprint(init.kmeansSingleInit(data, 2000, 3, 5, 7, { workspace: fresh.createKmeansWorkspace(2000) }))).toBe(expected);
        expect(kernel.kmeans3Kernel(2000)).toBeNull();
      });
    } finally {
      globalThis.WebAssembly = saved;
    }
  });

  it('measures each pass as the TypeScript seeding does', () => {
    const data = customers(7);
    const kernel = kmeans3Kernel(7)!;
    kernel.load(data);
    const sq = (i: number, j: number) => {
      let s = 0;
      for (let t = 0; t < 3; t++) s += (data[i * 3 + t] - data[j * 3 + t]) ** 2;
      return s;
    };
    const total = kernel.seedPass(2, true);
    const expected = Array.from({ length: 7 }, (_, i) => sq(i, 2));
    expect(Array.from(kernel.lower)).toEqual(expected);
    expect(total).toBe(expected.reduce((a, b) => a + b, 0));
    kernel.seedPass(5, false);
    const nearest = expected.map((x, i) => Math.min(x, sq(i, 5)));
    expect(Array.from(kernel.lower)).toEqual(nearest);
    const potentials = new Float64Array(3);
    kernel.score(Float64Array.from([...data.subarray(0, 3), ...data.subarray(9, 12), ...data.subarray(18, 21)]), potentials);
    expect(Array.from(potentials)).toEqual([0, 3, 6].map((j) => nearest.reduce((sum, x, i) => sum + Math.min(x, sq(i, j)), 0)));
  });

  it('lays one kernel out afresh for runs on other numbers of rows, with the same runs', () => {
    for (const n of [3000, 1200, 3000, 50]) {
      const [wasm, js] = bothWays(customers(n), 4, n);
      expect(wasm).toBe(js);
    }
    expect(kmeans3Kernel(50)).toBe(kmeans3Kernel(50));
  });

  it('gives the TypeScript run to the bit on any small matrix (fast-check: ties, duplicates, far-out rows)', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(1e6));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { minLength: 2, maxLength: 120 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (rows, kWanted, seed) => {
        const data = Float64Array.from(rows.flat());
        const [wasm, js] = bothWays(data, Math.min(kWanted, rows.length), seed);
        expect(wasm).toBe(js);
      }),
      { seed: 20261123, numRuns: 150 },
    );
  });
});
