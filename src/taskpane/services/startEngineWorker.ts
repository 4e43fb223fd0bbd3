import { proxy, wrap } from 'comlink';
import type { EngineApi } from '../../worker/EngineApi';
import { installErrorTransfer } from '../../worker/installErrorTransfer';
import type { CallbackWrapper, RemoteEngine } from './createWorkbookServices';

/**
 * Starts the engine Web Worker. Webpack sees `new Worker(new URL(…, import.meta.url))` and
 * emits the worker (engine, core models) as its own lazily loaded chunk, so none of it is in
 * the taskpane's first bundle.
 *
 * @example
 * const { engine, wrapCallback } = startEngineWorker();
 */
export function startEngineWorker(): { engine: RemoteEngine; wrapCallback: CallbackWrapper } {
  installErrorTransfer();
  // Webpack only recognises the worker when `new Worker(new URL(...))` is one expression.
  // @ts-expect-error tsc type-checks this project as CommonJS, where import.meta is not allowed; webpack compiles it as an ES module, which it needs to split out the worker.
  const worker = new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { name: 'segmentkit-engine' });
  return { engine: wrap<EngineApi>(worker) as unknown as RemoteEngine, wrapCallback: proxy as CallbackWrapper };
}
