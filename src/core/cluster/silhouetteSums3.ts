import { kernelModule, type WasmApi, type WasmMemory } from './kmeans3Kernel';

interface SilhouetteExports {
  memory: WasmMemory;
  silhouetteSums(x: number, k: number, blocks: number, sums: number): void;
}

const PAGE = 65536;

/**
 * silhouetteScore's pair sums for three features in the WebAssembly kernel (kmeans3.wat's
 * silhouetteSums): `x` holds the m rows sorted by cluster, `blockStart` where each of the k
 * clusters starts (k + 1 entries), and `sums` (m × k, zero) receives each row's total distance
 * to every cluster — the same numbers to the bit as the TypeScript loop. Returns false, leaving
 * `sums` alone, where the kernel cannot run.
 *
 * @example
 * if (!silhouetteSums3(x, m, k, blockStart, sums)) sumInTypeScript();
 */
export function silhouetteSums3(x: Float64Array, m: number, k: number, blockStart: Int32Array, sums: Float64Array): boolean {
  const module = kernelModule();
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!module || !api) return false;
  const blocksAt = m * 24;
  const sumsAt = blocksAt + Math.ceil(((k + 1) * 4) / 8) * 8;
  const bytes = sumsAt + m * k * 8;
  if (bytes > 2 ** 31) return false;
  let ex: SilhouetteExports;
  try {
    // A fresh instance per score: its memory goes when the score is done.
    ex = new api.Instance(module, {}).exports as unknown as SilhouetteExports;
    ex.memory.grow(Math.max(0, Math.ceil(bytes / PAGE) - ex.memory.buffer.byteLength / PAGE));
  } catch {
    return false;
  }
  const buffer = ex.memory.buffer;
  new Float64Array(buffer, 0, m * 3).set(x.subarray(0, m * 3));
  new Int32Array(buffer, blocksAt, k + 1).set(blockStart.subarray(0, k + 1));
  ex.silhouetteSums(0, k, blocksAt, sumsAt);
  sums.set(new Float64Array(buffer, sumsAt, m * k));
  return true;
}
