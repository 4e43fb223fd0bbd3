import { SegmentKitError } from '../core/errors/SegmentKitError';
import { parseCells, splitSheet } from './a1Address';
import { excelApi } from './excelHost';

/**
 * Activates the sheet and selects the cells of an address such as `Orders!D17` or
 * `'My Sheet'!A1:C9`, so a data-quality link takes the user to the offending cells.
 *
 * @example
 * await selectRange('Orders!D17');
 */
export async function selectRange(address: string): Promise<void> {
  const { sheet, cells } = splitSheet(address);
  if (!parseCells(cells)) {
    throw new SegmentKitError('E_EXCEL_ADDRESS', `"${address}" is not a cell address`, { hint: 'Use an address such as Orders!D17.' });
  }
  await excelApi().run(async (context) => {
    const worksheet = sheet ? context.workbook.worksheets.getItemOrNullObject(sheet) : context.workbook.worksheets.getActiveWorksheet();
    await context.sync();
    if (worksheet.isNullObject) {
      throw new SegmentKitError('E_EXCEL_SHEET_NOT_FOUND', `The workbook has no sheet named "${sheet}"`, { location: { sheet }, hint: 'The sheet may have been renamed or deleted; read the data again.' });
    }
    worksheet.activate();
    worksheet.getRange(cells).select();
    await context.sync();
  });
}
