import { toResult } from '../../core/errors/Result';
import { SegmentKitError } from '../../core/errors/SegmentKitError';
import { dayNumberFromYmd } from '../../core/table/dayNumber';
import type { EngineApi, SheetValues } from '../../worker/EngineApi';
import { formatPreviewCell } from './formatPreviewCell';
import { SHEET_KINDS, type NotebookRecipe, type RunProgress, type SegmentKitServices } from './SegmentKitServices';
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
  return {
    listSheets: () => toResult(() => port.listSheets()),

    preview: (sheet, rows) =>
      toResult(async () => {
        const data = await port.readSheet(sheet);
        const [headers = [], ...body] = data.values;
        const formats = data.numberFormats.slice(1);
        return {
          sheet,
          headers: headers.map((h) => formatPreviewCell(h, undefined)),
          rows: body.slice(0, rows).map((r, i) => r.map((v, c) => formatPreviewCell(v, formats[i]?.[c]))),
          rowCount: body.length,
        };
      }),

    detect: (sources) =>
      toResult(async () => {
        const sheets: SheetValues[] = [];
        for (const kind of SHEET_KINDS) {
          const name = sources[kind];
          if (!name) continue;
          const data = await port.readSheet(name);
          sheets.push({ sheet: data.sheetName, kind, values: data.values, numberFormats: data.numberFormats, startRow: data.startRow, startColumn: data.startColumn });
        }
        if (sheets.length === 0) throw new SegmentKitError('E_NO_DATA', 'No sheet is chosen', { hint: 'Choose a customers sheet or an orders sheet.' });
        return engine.load(sheets, sources, today());
      }),

    run: (recipe: NotebookRecipe, onProgress: (p: RunProgress) => void) => toResult(() => engine.run(recipe, wrapCallback(onProgress))),

    cancel() {
      void engine.cancel();
      writeAbort?.abort();
    },

    drillDown: (query) => toResult(() => engine.drillDown(query)),

    writeBack: (recipe, onProgress) =>
      toResult(async () => {
        writeAbort = new AbortController();
        const signal = writeAbort.signal;
        onProgress({ percent: 0, step: 'write' });
        const plan = await engine.writePlan(recipe);
        if (signal.aborted) throw new SegmentKitError('E_CANCELLED', 'Writing was cancelled', { hint: 'Nothing was written.' });
        const report = await port.write(
          { sheet: plan.sheet, columns: plan.columns, rowMap: plan.rowMap, sheets: plan.sheets, pivot: plan.pivot, charts: recipe.outputs.charts },
          (done, total) => onProgress({ percent: total ? Math.round((done / total) * 100) : 0, step: 'write' }),
          signal,
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
