import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { ParsedTable } from '../core/ingest/ParsedTable';
import type { DateOrder } from '../core/ingest/parseDateCell';
import { tableFromValues } from '../core/ingest/tableFromValues';
import { readSheetValues } from './readSheetValues';
import { readWorkbookParts, type WorkbookParts, type WorkbookSheetPart } from './readWorkbookParts';
import { ZipArchive } from './ZipArchive';

export interface ReadXlsxOptions {
  /** Sheet name (case-insensitive); default: the first visible sheet. */
  sheet?: string;
  dateOrder?: DateOrder | 'auto';
}

/**
 * Reads one sheet of an .xlsx file into a ParsedTable. Formulas give their cached results,
 * errors arrive as `#N/A`-style strings and dates as dates, as in Excel. A header cell covered by
 * a merge is named after the merge's text with its position (`Address 2`) and reported
 * (W_MERGED_HEADER).
 *
 * @example
 * const parsed = await readXlsx(bytes, 'orders.xlsx', { sheet: 'Orders' });
 */
export async function readXlsx(bytes: Buffer, file: string, options: ReadXlsxOptions = {}): Promise<ParsedTable & { sheetName: string }> {
  const [parsed] = await readXlsxSheets(bytes, file, [options.sheet], options);
  return parsed;
}

/**
 * Reads several sheets of one workbook, opening the package once. Each sheet's XML is inflated
 * and scanned in pieces (no whole-workbook object model), so a full 1,048,576-row sheet stays
 * in bounded memory. `sheets`: names (undefined = the first visible sheet) or 'visible' for
 * every visible sheet.
 *
 * @example
 * const [customers, orders] = await readXlsxSheets(bytes, 'shop.xlsx', ['Customers', 'Orders']);
 */
export async function readXlsxSheets(bytes: Buffer, file: string, sheets: (string | undefined)[] | 'visible', options: Pick<ReadXlsxOptions, 'dateOrder'> = {}): Promise<(ParsedTable & { sheetName: string })[]> {
  const { zip, parts } = openWorkbook(bytes, file);
  const chosen = sheets === 'visible' ? parts.sheets.filter((s) => s.state === 'visible') : sheets.map((name) => pickSheet(parts.sheets, file, name));
  if (chosen.length === 0) pickSheet(parts.sheets, file, undefined);
  const out: (ParsedTable & { sheetName: string })[] = [];
  for (const sheet of chosen) {
    const { values, merged } = await corruptOnError(file, () => readSheetValues(zip, parts, sheet.path));
    const parsed = tableFromValues(values, { file, sheet: sheet.name, dateOrder: options.dateOrder ?? 'auto', hasHeader: 'auto' });
    if (merged.length > 0 && parsed.headerRow > 0) {
      parsed.warnings.push({ code: 'W_MERGED_HEADER', message: `Merged header cells were split into ${merged.map((m) => `"${m}"`).join(', ')}`, count: merged.length });
    }
    out.push(Object.assign(parsed, { sheetName: sheet.name }));
  }
  return out;
}

function openWorkbook(bytes: Buffer, file: string): { zip: ZipArchive; parts: WorkbookParts } {
  try {
    const zip = ZipArchive.open(bytes);
    return { zip, parts: readWorkbookParts(zip) };
  } catch (e) {
    throw corrupt(file, e);
  }
}

async function corruptOnError<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw corrupt(file, e);
  }
}

function corrupt(file: string, e: unknown): SegmentKitError {
  return new SegmentKitError('E_XLSX_CORRUPT', `The workbook cannot be opened (${e instanceof Error ? e.message : String(e)})`, {
    location: { file },
    hint: 'The file may be truncated or damaged: open it in Excel and save it again, or export it as CSV.',
    cause: e,
  });
}

function pickSheet(sheets: WorkbookSheetPart[], file: string, name: string | undefined): WorkbookSheetPart {
  const names = sheets.map((s) => `"${s.name}"${s.state === 'visible' ? '' : ' (hidden)'}`).join(', ');
  if (name !== undefined) {
    const found = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
    if (!found) {
      throw new SegmentKitError('E_SHEET_MISSING', `The workbook has no sheet named "${name}"`, {
        location: { file, sheet: name },
        hint: sheets.length ? `Available sheets: ${names}.` : 'The workbook has no sheets.',
      });
    }
    return found;
  }
  const visible = sheets.find((s) => s.state === 'visible');
  if (!visible) {
    throw new SegmentKitError('E_NO_VISIBLE_SHEET', 'The workbook has no visible sheet', {
      location: { file },
      hint: sheets.length ? `Name the sheet to read (hidden sheets: ${names}), or unhide it in Excel.` : 'The workbook has no sheets.',
    });
  }
  return visible;
}
