import { KMEANS3_WASM_HEX } from './kmeans3Wasm';
import { wasmInstance, wasmRuns, type WasmMemory } from './wasmInstance';

interface Kernel3Exports {
  memory: WasmMemory;
  seedPass(data: number, n: number, j: number, closest: number, cum: number, first: number): number;
  score(data: number, n: number, closest: number, cand: number, out: number): void;
  assignAll(data: number, n: number, cs: number, k: number, labels: number, lower: number, sums: number, counts: number): void;
  assignBounded(data: number, n: number, centres: number, cs: number, k: number, labels: number, lower: number, halfGap: number, drop: number, sums: number, counts: number, list: number): number;
  inertia(data: number, n: number, centres: number, labels: number): number;
}

/** Most centres the kernel's fixed area holds; more fall back to the TypeScript loops. */
export const KERNEL3_MAX_K = 256;
/** Fixed area: plain centres, splatted centres, half gaps, drops, sums, counts, candidates, potentials. */
const CENTRES = 0;
const SPLATS = CENTRES + KERNEL3_MAX_K * 24;
const HALF_GAP = SPLATS + KERNEL3_MAX_K * 48;
const DROP = HALF_GAP + KERNEL3_MAX_K * 8;
const SUMS = DROP + KERNEL3_MAX_K * 8;
const COUNTS = SUMS + KERNEL3_MAX_K * 24;
const CAND = COUNTS + KERNEL3_MAX_K * 8;
const POT = CAND + 96;
/** Rows start on a cache line. */
const FIXED = Math.ceil((POT + 32) / 64) * 64;

/**
 * The three-feature k-means passes in WebAssembly (kmeans3.wat), over a copy of the rows in the
 * kernel's own memory. Each pass gives the same numbers to the bit as the TypeScript loop it
 * stands for (the nearest-centre search about 3.5 times faster, the bounded sweep 1.7 times, a
 * whole run about twice); the arrays are views of the kernel's memory that the TypeScript steps
 * between passes read and write directly.
 */
export interface Kmeans3Kernel {
  n: number;
  /** The matrix whose rows are loaded (by identity), or null before {@link Kmeans3Kernel.load}. */
  dataOf: Float64Array | null;
  labels: Int32Array;
  /** Lower bounds during iterations, each row's squared distance to its nearest seed during seeding. */
  lower: Float64Array;
  cumulative: Float64Array;
  halfGap: Float64Array;
  drop: Float64Array;
  sums: Float64Array;
  counts: Float64Array;
  /** Copies the n × 3 rows in, unless they are the ones already loaded. */
  load(data: Float64Array): void;
  /** Sets the k centres the next passes measure against. */
  setCentres(centres: Float64Array, k: number): void;
  /** seedKmeansPlusPlus's updateNearest against row j; returns the running total. */
  seedPass(j: number, first: boolean): number;
  /** seedKmeansPlusPlus's scoreCandidates for up to four candidates (coordinates in `ys`, 3 each); potentials in `out`. */
  score(ys: Float64Array, out: Float64Array): void;
  /** Nearest centre, lower bound, sums and counts of every row. */
  assignAll(k: number): void;
  /** Hamerly's bounded step; returns the number of rows that changed centre. */
  assignBounded(k: number): number;
  inertia(): number;
}

/**
 * One instance a thread, its memory grown to the largest run so far: a WebAssembly memory
 * reserves gigabytes of address space until it is collected, so one per run would pile up.
 * null once WebAssembly turned out not to run here.
 */
let shared: { ex: Kernel3Exports; kernel: Kmeans3Kernel | null } | null | undefined;

/**
 * The thread's kernel laid out for `n` rows, or null where WebAssembly with SIMD is missing or
 * the memory cannot be had (about 48 bytes a row), in which case the caller keeps to the
 * TypeScript loops. There is one kernel a thread: asking for another `n` lays it out afresh, and
 * an earlier kernel object must not be used after that (runs take it at their start and are
 * synchronous, so none is). Rows are recognised by identity ({@link Kmeans3Kernel.dataOf}): a
 * matrix changed in place between runs must be passed as a new array.
 *
 * @example
 * const kernel = kmeans3Kernel(prepared.n); // null on an engine without WebAssembly SIMD
 */
export function kmeans3Kernel(n: number): Kmeans3Kernel | null {
  if (shared === null) return null;
  if (shared?.kernel && shared.kernel.n === n && shared.kernel.labels.buffer === shared.ex.memory.buffer) return shared.kernel;
  // One spare row and element at each end of a pass over pairs of rows.
  const rows = n + 2;
  const data = FIXED;
  const labels = data + rows * 24;
  const lower = labels + Math.ceil(rows / 4) * 16;
  const cumulative = lower + rows * 8;
  const list = cumulative + rows * 8;
  const bytes = list + Math.ceil(rows / 4) * 16;
  const ex = wasmInstance<Kernel3Exports>(KMEANS3_WASM_HEX, bytes, shared?.ex);
  if (!ex) {
    // No WebAssembly here (or not this much memory): fall back, and try again for another size.
    if (!shared) shared = wasmRuns(KMEANS3_WASM_HEX) ? undefined : null;
    return null;
  }
  const buffer = ex.memory.buffer;
  const f64 = (at: number, length: number) => new Float64Array(buffer, at, length);
  const rowsView = f64(data, n * 3);
  const splats = f64(SPLATS, KERNEL3_MAX_K * 6);
  const cand = f64(CAND, 12);
  const pot = f64(POT, 4);
  const kernel: Kmeans3Kernel = {
    n,
    dataOf: null,
    labels: new Int32Array(buffer, labels, n),
    lower: f64(lower, n),
    cumulative: f64(cumulative, n),
    halfGap: f64(HALF_GAP, KERNEL3_MAX_K),
    drop: f64(DROP, KERNEL3_MAX_K),
    sums: f64(SUMS, KERNEL3_MAX_K * 3),
    counts: f64(COUNTS, KERNEL3_MAX_K),
    load(rowsIn) {
      if (kernel.dataOf === rowsIn) return;
      rowsView.set(rowsIn);
      kernel.dataOf = rowsIn;
    },
    setCentres(centres, count) {
      f64(CENTRES, count * 3).set(centres.subarray(0, count * 3));
      for (let j = 0; j < count * 3; j++) {
        splats[2 * j] = centres[j];
        splats[2 * j + 1] = centres[j];
      }
    },
    seedPass: (j, first) => ex.seedPass(data, n, j, lower, cumulative, first ? 1 : 0),
    score(ys, out) {
      // Lanes pair candidates (0, 1) and (2, 3) by coordinate; a short group repeats its last.
      const trials = ys.length / 3;
      for (let q = 0; q < 4; q++) {
        const o = 3 * Math.min(q, trials - 1);
        const at = q < 2 ? q : 6 + q - 2;
        cand[at] = ys[o];
        cand[at + 2] = ys[o + 1];
        cand[at + 4] = ys[o + 2];
      }
      ex.score(data, n, lower, CAND, POT);
      for (let q = 0; q < trials; q++) out[q] = pot[q];
    },
    assignAll: (count) => ex.assignAll(data, n, SPLATS, count, labels, lower, SUMS, COUNTS),
    assignBounded: (count) => ex.assignBounded(data, n, CENTRES, SPLATS, count, labels, lower, HALF_GAP, DROP, SUMS, COUNTS, list),
    inertia: () => ex.inertia(data, n, CENTRES, labels),
  };
  shared = { ex, kernel };
  return kernel;
}
