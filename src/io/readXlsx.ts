import ExcelJS from 'exceljs';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { ParsedTable } from '../core/ingest/ParsedTable';
import type { DateOrder } from '../core/ingest/parseDateCell';
import { tableFromValues } from '../core/ingest/tableFromValues';

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
 * Reads several sheets of one workbook, opening it once (exceljs parses the whole file on
 * load, so reading Customers, Orders and Tickets separately would parse it three times).
 * `sheets`: names (undefined = the first visible sheet) or 'visible' for every visible sheet.
 *
 * @example
 * const [customers, orders] = await readXlsxSheets(bytes, 'shop.xlsx', ['Customers', 'Orders']);
 */
export async function readXlsxSheets(bytes: Buffer, file: string, sheets: (string | undefined)[] | 'visible', options: Pick<ReadXlsxOptions, 'dateOrder'> = {}): Promise<(ParsedTable & { sheetName: string })[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new SegmentKitError('E_XLSX_CORRUPT', `The workbook cannot be opened (${e instanceof Error ? e.message : String(e)})`, {
      location: { file },
      hint: 'The file may be truncated or damaged: open it in Excel and save it again, or export it as CSV.',
      cause: e,
    });
  }
  const chosen = sheets === 'visible' ? workbook.worksheets.filter((w) => w.state === 'visible') : sheets.map((name) => pickSheet(workbook, file, name));
  if (chosen.length === 0) pickSheet(workbook, file, undefined);
  return chosen.map((sheet) => {
    const { values, merged } = sheetValues(sheet);
    const parsed = tableFromValues(values, { file, sheet: sheet.name, dateOrder: options.dateOrder ?? 'auto', hasHeader: 'auto' });
    if (merged.length > 0 && parsed.headerRow > 0) {
      parsed.warnings.push({ code: 'W_MERGED_HEADER', message: `Merged header cells were split into ${merged.map((m) => `"${m}"`).join(', ')}`, count: merged.length });
    }
    return Object.assign(parsed, { sheetName: sheet.name });
  });
}

function pickSheet(workbook: ExcelJS.Workbook, file: string, name: string | undefined): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
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

function sheetValues(sheet: ExcelJS.Worksheet): { values: unknown[][]; merged: string[] } {
  const rows = sheet.rowCount;
  const cols = sheet.columnCount;
  const values: unknown[][] = new Array(rows);
  const merged: string[] = [];
  let headerSeen = false;
  for (let r = 1; r <= rows; r++) {
    const row = sheet.getRow(r);
    const out: unknown[] = new Array(cols);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      // Excel's range.values shows a merge's value in its first cell only; exceljs repeats it.
      out[c - 1] = cell.isMerged && cell.master !== cell ? '' : plainValue(cell.value);
    }
    if (!headerSeen && out.some((v) => v !== '')) {
      headerSeen = true;
      nameMergedHeaders(row, out, merged);
    }
    values[r - 1] = out;
  }
  return { values, merged };
}

/** Excel shows a merge's text once; a header needs it per column, so covered cells get `text n`. */
function nameMergedHeaders(row: ExcelJS.Row, out: unknown[], merged: string[]): void {
  const seen = new Map<string, number>();
  for (let c = 1; c <= out.length; c++) {
    const cell = row.getCell(c);
    if (!cell.isMerged || cell.master === cell) continue;
    const text = String(plainValue(cell.master.value)).trim();
    if (text === '') continue;
    const n = (seen.get(text) ?? 1) + 1;
    seen.set(text, n);
    out[c - 1] = `${text} ${n}`;
    merged.push(`${text} ${n}`);
  }
}

function plainValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('error' in v) return v.error;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return v.result === undefined ? '' : plainValue(v.result as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return '';
  if ('text' in v) return typeof v.text === 'string' ? v.text : plainValue(v.text as ExcelJS.CellValue);
  return String(v);
}
