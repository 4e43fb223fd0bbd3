import type { Result } from '../../../src/core/errors/Result';
import type { SegmentKitServices } from '../../../src/taskpane/services/SegmentKitServices';

type Method = Exclude<keyof SegmentKitServices, 'cancel'>;

interface Call {
  method: Method;
  args: unknown[];
  resolve: (r: Result<unknown>) => void;
}

/**
 * Services whose every call stays pending until the test settles it, so each loading, empty,
 * error and done state can be observed. Component tests only: the playground and the e2e
 * tests use the real engine on the in-memory workbook.
 */
export function controlledServices() {
  const calls: Call[] = [];
  let cancelled = 0;
  const pending = (method: Method) => (...args: unknown[]) => new Promise<Result<unknown>>((resolve) => calls.push({ method, args, resolve }));
  const services = {
    listSheets: pending('listSheets'),
    preview: pending('preview'),
    detect: pending('detect'),
    run: pending('run'),
    drillDown: pending('drillDown'),
    writeBack: pending('writeBack'),
    loadRecipes: pending('loadRecipes'),
    saveRecipe: pending('saveRecipe'),
    selectCells: pending('selectCells'),
    cancel: () => {
      cancelled++;
    },
  } as unknown as SegmentKitServices;
  return {
    services,
    calls,
    cancelledCount: () => cancelled,
    /** The oldest pending call of `method`, removed from the queue. */
    take(method: Method): Call {
      const i = calls.findIndex((c) => c.method === method);
      if (i < 0) throw new Error(`no pending ${method} call; pending: ${calls.map((c) => c.method).join(', ') || 'none'}`);
      return calls.splice(i, 1)[0];
    },
    has(method: Method): boolean {
      return calls.some((c) => c.method === method);
    },
  };
}
