/** The few WebAssembly names used here (src/core compiles without the DOM library that declares them). */
export interface WasmMemory { buffer: ArrayBuffer; grow(pages: number): number }
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

const PAGE = 65536;
const compiled = new Map<string, object | null>();

function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/** The module in `hex` compiled, once per thread; null where WebAssembly (with SIMD) is missing or refused. */
function compile(hex: string): object | null {
  let module = compiled.get(hex);
  if (module !== undefined) return module;
  module = null;
  const api = wasmApi();
  if (api) {
    try {
      const bytes = new Uint8Array(hex.length / 2);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
      module = new api.Module(bytes);
    } catch {
      // An engine without WebAssembly SIMD, or a Content-Security-Policy without
      // 'wasm-unsafe-eval', refuses the module; the TypeScript loops do the same work.
      module = null;
    }
  }
  compiled.set(hex, module);
  return module;
}

/**
 * Whether the module in `hex` (a kernel's generated `…Wasm.ts`) runs here.
 *
 * @example
 * wasmRuns(KMEANS3_WASM_HEX); // false on an engine without WebAssembly SIMD
 */
export function wasmRuns(hex: string): boolean {
  return compile(hex) !== null;
}

/**
 * `reuse` (or, without it, a fresh instance of the module in `hex`) with its memory grown to at
 * least `bytes`; null where that cannot be. A WebAssembly memory reserves gigabytes of address
 * space until it is collected, so callers keep one instance a thread and grow it.
 *
 * @example
 * const ex = wasmInstance<{ memory: WasmMemory }>(KMEANS3_WASM_HEX, 1 << 20, shared);
 */
export function wasmInstance<T extends { memory: WasmMemory }>(hex: string, bytes: number, reuse?: T | null): T | null {
  const module = compile(hex);
  const api = wasmApi();
  if (!module || !api || bytes > 2 ** 31) return null;
  try {
    const ex = reuse ?? (new api.Instance(module, {}).exports as unknown as T);
    const pages = Math.ceil(bytes / PAGE) - ex.memory.buffer.byteLength / PAGE;
    if (pages > 0) ex.memory.grow(pages);
    return ex;
  } catch {
    return null;
  }
}
