import { excelApi } from './excelHost';
import { readSheet, type ReadSheetOptions, type SheetData } from './readSheet';

export interface WorkbookSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  position: number;
  active: boolean;
  /** Size of the used range (values only); 0 × 0 for an empty sheet. */
  rowCount: number;
  columnCount: number;
}

/**
 * Lists the workbook's sheets with their used-range size, in one request, for the data step.
 *
 * @example
 * const sheets = await readWorkbookSheets();
 * sheets.filter((s) => s.visibility === 'Visible' && s.rowCount > 1);
 */
export async function readWorkbookSheets(): Promise<WorkbookSheet[]> {
  return excelApi().run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility,items/position');
    const active = sheets.getActiveWorksheet();
    active.load('name');
    await context.sync();
    const used = sheets.items.map((s) => {
      const r = s.getUsedRangeOrNullObject(true);
      r.load('rowCount,columnCount');
      return r;
    });
    await context.sync();
    return sheets.items.map((s, i) => ({
      name: s.name,
      visibility: s.visibility as WorkbookSheet['visibility'],
      position: s.position,
      active: s.name === active.name,
      rowCount: used[i]!.isNullObject ? 0 : used[i]!.rowCount,
      columnCount: used[i]!.isNullObject ? 0 : used[i]!.columnCount,
    }));
  });
}

/**
 * Reads several sheets one after the other (customers + orders + tickets), with progress
 * reported per sheet.
 *
 * @example
 * const [orders, tickets] = await readSheets([{ sheet: 'Orders' }, { sheet: 'Tickets' }]);
 */
export async function readSheets(requests: ReadSheetOptions[], signal?: AbortSignal): Promise<SheetData[]> {
  const out: SheetData[] = [];
  for (const r of requests) out.push(await readSheet({ ...r, signal: r.signal ?? signal }));
  return out;
}
