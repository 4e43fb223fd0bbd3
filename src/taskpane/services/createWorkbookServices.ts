import { toResult } from '../../core/errors/Result';
import { SegmentKitError } from '../../core/errors/SegmentKitError';
import { dayNumberFromYmd } from '../../core/table/dayNumber';
import type { EngineApi } from '../../worker/EngineApi';
import { formatPreviewCell } from './formatPreviewCell';
import { timed } from './timed';
import { SHEET_KINDS, type NotebookRecipe, type RunProgress, type SegmentKitServices, type SheetKind } from './SegmentKitServices';
import type { WorkbookPort } from './WorkbookPort';

/** The engine as seen from the UI thread: every call may be remote (a comlink proxy). */
export type RemoteEngine = { [K in keyof EngineApi]: (...args: Parameters<EngineApi[K]>) => Promise<Awaited<ReturnType<EngineApi[K]>>> | ReturnType<EngineApi[K]> };

/** Callbacks handed to a worker must be wrapped (comlink's `proxy`); in-thread engines take them as they are. */
export type CallbackWrapper = <T extends (...args: never[]) => unknown>(fn: T) => T;

/** Name prefix of stored notebooks, so they never shadow the recipe formulas apply. */
export const NOTEBOOK_PREFIX = 'notebook: ';

function isNotebook(v: unknown): v is NotebookRecipe {
  const r = v as Partial<NotebookRecipe> | null;
  return typeof r === 'object' && r !== null && r.version === 1 && typeof r.sources === 'object' && Array.isArray(r.models);
}

function cancelledRun(): SegmentKitError {
  return new SegmentKitError('E_CANCELLED', 'The run was cancelled', { hint: 'Run the step again when you are ready.' });
}

/**
 * Reads a sheet chunk by chunk and hands each chunk to the engine while the next is read, so the
 * UI thread never holds (or copies in one go) the whole sheet; one chunk is in flight at a time.
 */
async function streamToEngine(port: WorkbookPort, engine: RemoteEngine, sheet: string, kind: SheetKind, onProgress: (rowsRead: number, rowCount: number) => void): Promise<void> {
  let first = true;
  let inFlight: Promise<void> = Promise.resolve();
  const rows = await port.streamSheet(sheet, async (chunk) => {
    await inFlight;
    inFlight = Promise.resolve(engine.receiveRows({ sheet, kind, first, values: chunk.values, numberFormats: chunk.numberFormats, startRow: chunk.startRow, startColumn: chunk.startColumn }));
    // Never left unobserved: the next chunk or the end of the read awaits it.
    inFlight.catch(() => undefined);
    first = false;
    performance.mark('sk:chunk');
  }, { onProgress });
  await inFlight;
  if (rows === 0) await engine.receiveRows({ sheet, kind, first: true, values: [], numberFormats: [], startRow: 1, startColumn: 0 });
}

function today(): number {
  const d = new Date();
  return dayNumberFromYmd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/**
 * SegmentKitServices over a workbook port and an engine: sheets are read on the UI thread (Office
 * APIs live there), parsed and segmented in the engine (a Web Worker in the taskpane), and
 * results written back through the port. Every call resolves with a Result.
 *
 * @example
 * const services = createWorkbookServices(excelWorkbookPort(), wrap(new Worker(url)), proxy);
 */
export function createWorkbookServices(port: WorkbookPort, engine: RemoteEngine, wrapCallback: CallbackWrapper = (fn) => fn): SegmentKitServices {
  let writeAbort: AbortController | null = null;
  let running: { work: Promise<unknown>; stop: () => void } | null = null;
  return {
    listSheets: () => toResult(() => port.listSheets()),

    preview: (sheet, rows) =>
      toResult(async () => {
        // Only the rows shown are read: the whole of a million-row sheet would hold up the page.
        const data = await timed('sk:preview', () => port.readSheet(sheet, { maxRows: rows + 1 }));
        const [headers = [], ...body] = data.values;
        const formats = data.numberFormats.slice(1);
        return {
          sheet,
          headers: headers.map((h) => formatPreviewCell(h, undefined)),
          rows: body.slice(0, rows).map((r, i) => r.map((v, c) => formatPreviewCell(v, formats[i]?.[c]))),
          rowCount: Math.max(0, data.rowCount - 1),
        };
      }),

    detect: (sources, onProgress = () => undefined) =>
      toResult(async () => {
        const chosen = SHEET_KINDS.filter((kind) => sources[kind]);
        if (chosen.length === 0) throw new SegmentKitError('E_NO_DATA', 'No sheet is chosen', { hint: 'Choose a customers sheet or an orders sheet.' });
        for (const [i, kind] of chosen.entries()) {
          // Each sheet gets an equal share of the bar: row counts of the others are not known yet.
          const report = (rowsRead: number, rowCount: number) => onProgress({ percent: Math.round(((i + (rowCount ? rowsRead / rowCount : 1)) / chosen.length) * 100), step: 'read' });
          await timed('sk:read', () => streamToEngine(port, engine, sources[kind]!, kind, report));
        }
        onProgress({ percent: 100, step: 'parse' });
        return timed('sk:load', () => engine.loadReceived(sources, today()));
      }),

    run: (recipe: NotebookRecipe, onProgress: (p: RunProgress) => void) =>
      toResult(() =>
        timed('sk:run', async () => {
          const work = Promise.resolve(engine.run(recipe, wrapCallback(onProgress)));
          // Cancel settles the run for the UI at once; the worker stops at its next step
          // boundary (it cannot be interrupted inside one) and its late answer is dropped.
          const stopped = new Promise<never>((_, reject) => {
            running = { work, stop: () => reject(cancelledRun()) };
          });
          try {
            return await Promise.race([work, stopped]);
          } finally {
            running = null;
          }
        }),
      ),

    cancel() {
      void engine.cancel();
      writeAbort?.abort();
      if (running) {
        const clicked = performance.now();
        void running.work.then(
          () => performance.measure('sk:cancel-worker', { start: clicked, end: performance.now() }),
          () => performance.measure('sk:cancel-worker', { start: clicked, end: performance.now() }),
        );
        running.stop();
      }
    },

    drillDown: (query) => toResult(() => engine.drillDown(query)),

    writeBack: (recipe, onProgress) =>
      toResult(async () => {
        writeAbort = new AbortController();
        const signal = writeAbort.signal;
        onProgress({ percent: 0, step: 'write' });
        const plan = await timed('sk:plan', () => engine.writePlan(recipe));
        if (signal.aborted) throw new SegmentKitError('E_CANCELLED', 'Writing was cancelled', { hint: 'Nothing was written.' });
        const report = await timed('sk:write', () =>
          port.write(
          { sheet: plan.sheet, columns: plan.columns, rowMap: plan.rowMap, sheets: plan.sheets, pivot: plan.pivot, charts: recipe.outputs.charts },
          (done, total) => onProgress({ percent: total ? Math.round((done / total) * 100) : 0, step: 'write' }),
          signal,
          ),
        );
        onProgress({ percent: 100, step: 'done' });
        return report;
      }),

    loadRecipes: () =>
      toResult(async () =>
        (await port.loadRecipes())
          .filter((r) => r.name.startsWith(NOTEBOOK_PREFIX) && isNotebook(r.recipe))
          .map((r) => r.recipe as NotebookRecipe),
      ),

    saveRecipe: (recipe) =>
      toResult(async () => {
        const fitted = await engine.fittedRecipe();
        // The fitted core recipe is what =SK.SEGMENT() and the CLI apply; the notebook (sheets,
        // per-sheet roles, outputs, edited playbooks) is stored beside it for the taskpane.
        if (fitted) await port.saveRecipe(recipe.name, { ...fitted, name: recipe.name });
        await port.saveRecipe(`${NOTEBOOK_PREFIX}${recipe.name}`, recipe);
      }),

    selectCells: (address) =>
      toResult(async () => {
        if (!port.selectCells) throw new SegmentKitError('E_SELECT_UNAVAILABLE', `SegmentKit cannot select ${address} here`, { hint: `Go to ${address} in the workbook yourself.` });
        await port.selectCells(address);
      }),
  };
}
