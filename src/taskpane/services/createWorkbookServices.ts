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

    loadRecipes: () => toResult(async () => (await port.loadRecipes()).map((json) => JSON.parse(json) as NotebookRecipe)),

    saveRecipe: (recipe) => toResult(() => port.saveRecipe(JSON.stringify(recipe))),

    selectCells: (address) => toResult(() => port.selectCells(address)),
  };
}
