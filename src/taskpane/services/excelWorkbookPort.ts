import { loadRecipes, saveRecipe } from '../../excel/recipeStore';
import { readSheet } from '../../excel/readSheet';
import { streamSheet } from '../../excel/streamSheet';
import { readWorkbookSheets } from '../../excel/readWorkbookSheets';
import { selectRange } from '../../excel/selectRange';
import { writeResults } from '../../excel/writeResults';
import type { WorkbookPort } from './WorkbookPort';

/**
 * The workbook port over the src/excel adapter. Works in Excel and, unchanged, on the
 * in-memory workbook once it is installed as the global `Excel` (playground, tests).
 *
 * @example
 * const port = excelWorkbookPort();
 * await port.listSheets();
 */
export function excelWorkbookPort(): WorkbookPort {
  return {
    async listSheets() {
      const sheets = await readWorkbookSheets();
      return sheets.filter((s) => s.visibility === 'Visible').map((s) => ({ name: s.name, rowCount: s.rowCount, columnCount: s.columnCount, active: s.active }));
    },
    async readSheet(sheet, options = {}) {
      const data = await readSheet({ sheet, signal: options.signal, maxRows: options.maxRows });
      return { sheetName: data.sheetName, values: data.values, numberFormats: data.numberFormats, startRow: data.startRow, startColumn: data.startColumn, rowCount: data.regionRowCount };
    },
    async streamSheet(sheet, onChunk, options = {}) {
      const { signal, onProgress } = options;
      return (await streamSheet({ sheet, signal, onProgress: onProgress && ((p) => onProgress(p.rowsRead, p.rowCount)) }, onChunk)).rowCount;
    },
    async write(request, onProgress, signal) {
      const report = await writeResults({
        sheet: request.sheet,
        columns: request.columns,
        sheets: request.sheets,
        pivot: request.pivot,
        charts: request.charts,
        rowMap: request.rowMap,
        onProgress: (p) => onProgress(p.done, p.total),
        signal,
      });
      return { items: report.items, warnings: report.warnings };
    },
    selectCells: (address) => selectRange(address),
    saveRecipe: (name, recipe) => saveRecipe(name, recipe),
    async loadRecipes() {
      return (await loadRecipes()).filter((r) => r.status === 'current').map((r) => ({ name: r.name, recipe: r.recipe }));
    },
  };
}
