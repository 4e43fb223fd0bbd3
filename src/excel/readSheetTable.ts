import { tableFromValues } from '../core/ingest/tableFromValues';
import type { ParsedTable, TableFromValuesOptions } from '../core/ingest/ParsedTable';
import { readSheet, type ReadSheetOptions, type SheetData } from './readSheet';

/** A sheet read from Excel and parsed into a core table. */
export interface SheetTable {
  data: SheetData;
  parsed: ParsedTable;
}

/**
 * Reads a sheet (or table / selection) in chunks and hands the cells with their number formats
 * and position to the core parser, so reported cells such as `Orders!D17` match the sheet.
 *
 * @example
 * const { parsed } = await readSheetTable({ sheet: 'Orders' });
 * parsed.table.rowCount;
 */
export async function readSheetTable(options: ReadSheetOptions = {}, parse: Pick<TableFromValuesOptions, 'hasHeader' | 'dateOrder' | 'decimalHint'> = {}): Promise<SheetTable> {
  const data = await readSheet(options);
  const parsed = tableFromValues(data.values, { ...parse, sheet: data.sheetName, numberFormats: data.numberFormats, startRow: data.startRow, startColumn: data.startColumn });
  return { data, parsed };
}
