import { SILHOUETTE3_WASM_HEX } from './silhouette3Wasm';
import { wasmInstance, type WasmMemory } from './wasmInstance';

interface SilhouetteExports {
  memory: WasmMemory;
  silhouetteSums(x: number, k: number, blocks: number, sums: number): void;
}

/** The thread's instance, grown to the largest score so far (see wasmInstance). */
let shared: SilhouetteExports | null = null;

/**
 * silhouetteScore's pair sums for three features in WebAssembly (silhouette3.wat): `x` holds
 * the m rows sorted by cluster, `blockStart` where each of the k clusters starts (k + 1
 * entries), and `sums` (m × k, zero) receives each row's total distance to every cluster — the
 * same numbers to the bit as the TypeScript loop, about twice as fast. Returns false, leaving
 * `sums` alone, where the kernel cannot run.
 *
 * @example
 * if (!silhouetteSums3(x, m, k, blockStart, sums)) sumInTypeScript();
 */
export function silhouetteSums3(x: Float64Array, m: number, k: number, blockStart: Int32Array, sums: Float64Array): boolean {
  const blocksAt = m * 24;
  const sumsAt = blocksAt + Math.ceil(((k + 1) * 4) / 8) * 8;
  const ex = wasmInstance<SilhouetteExports>(SILHOUETTE3_WASM_HEX, sumsAt + m * k * 8, shared);
  if (!ex) return false;
  shared = ex;
  const buffer = ex.memory.buffer;
  new Float64Array(buffer, 0, m * 3).set(x.subarray(0, m * 3));
  new Int32Array(buffer, blocksAt, k + 1).set(blockStart.subarray(0, k + 1));
  // A reused memory holds the last score's sums: start from zero.
  new Float64Array(buffer, sumsAt, m * k).fill(0);
  ex.silhouetteSums(0, k, blocksAt, sumsAt);
  sums.set(new Float64Array(buffer, sumsAt, m * k));
  return true;
}
