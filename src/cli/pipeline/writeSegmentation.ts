import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { SegmentKitError } from '../../core/errors/SegmentKitError';
import type { OutputColumn } from '../../core/results/Outputs';
import { CUSTOMER_FIELDS } from '../../core/customers/CustomerTable';
import { cellValue, type Column } from '../../core/table/Table';
import { isoFromDayNumber } from '../../core/table/dayNumber';
import { writeCsv } from '../../io/writeCsv';
import { writeWorkbook } from '../../io/writeWorkbook';
import { EXCEL_SHEET_ROWS, type WorkbookSheet } from '../../io/writeSheet';
import type { Segmentation } from './segmentFiles';

/** Per-customer columns: the id, every model input on the customer table, then each model's outputs. */
export function customerColumns(s: Segmentation): OutputColumn[] {
  const inputs: OutputColumn[] = s.customers.table.columns.map((c) => inputColumn(c));
  return [...inputs, ...s.results.flatMap((r) => r.columns)];
}

function inputColumn(c: Column): OutputColumn {
  if (c.type === 'number') return { header: c.name, values: c.values };
  if (c.type === 'date') return { header: c.name, values: Array.from(c.values, (d) => (Number.isNaN(d) ? null : isoFromDayNumber(d))), numberFormat: 'yyyy-mm-dd' };
  const n = 'codes' in c ? c.codes.length : c.values.length;
  return { header: c.name === CUSTOMER_FIELDS.id ? 'customer_id' : c.name, values: Array.from({ length: n }, (_, i) => cellValue(c, i)) };
}

/**
 * `--out FILE.csv`: the per-customer table. `--out FILE.xlsx`: the input sheets unchanged, SK
 * Customers (per-customer table), one summary sheet per model with its profile, playbook and
 * charts data, and SK Quality. The user's input files are never written to (the segment command
 * refuses an --out that names one before any work, see refuseInputAsOutput). Returns warnings for
 * the user (an input too large to carry into the output).
 */
export async function writeSegmentation(s: Segmentation, out: string, inputs: string[]): Promise<string[]> {
  const columns = customerColumns(s);
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') {
    writeCsv(out, columns.map((c) => c.header), columns.map((c) => c.values));
    return [];
  }
  if (ext !== '.xlsx') throw new SegmentKitError('E_ARGUMENT', `--out must end in .csv or .xlsx, got "${out}"`, { hint: 'For example --out out/segments.xlsx.' });
  // The output carries the input unchanged: a workbook as it was, CSV files as sheets.
  const xlsxInput = inputs.length === 1 && extname(inputs[0]).toLowerCase() === '.xlsx';
  const warnings: string[] = [];
  const sheets: WorkbookSheet[] = [];
  for (const sheet of xlsxInput ? [] : s.inputs) {
    // A CSV longer than a sheet stays only in its file (unchanged); the results still fit.
    const rows = sheet.parsed.table.rowCount + 1;
    if (rows > EXCEL_SHEET_ROWS) warnings.push(`${sheet.name} has ${(rows - 1).toLocaleString('en')} rows, more than an Excel sheet holds, so ${out} does not copy it; ${sheet.name} is unchanged.`);
    else sheets.push({ name: inputSheetName(sheet.name), columns: sheet.parsed.table.columns.map(inputColumn) });
  }
  sheets.push({ name: 'SK Customers', columns });
  for (const r of s.results) for (const sheet of r.sheets) sheets.push({ name: sheet.name, tables: sheet.tables });
  sheets.push({
    name: 'SK Quality',
    tables: [
      {
        title: 'Segment quality check',
        headers: ['Model', 'Criterion', 'OK', 'Value', 'Detail'],
        rows: s.results.flatMap((r, i) =>
          (['measurable', 'substantial', 'differentiable', 'accessible', 'actionable'] as const).map((k) => {
            const v = s.quality[i][k];
            return [r.modelId, k, v.ok ? 'yes' : 'no', Number.isNaN(v.value) ? null : v.value, v.detail];
          }),
        ),
        numberFormats: [undefined, undefined, undefined, '0.000', undefined],
      },
    ],
  });
  const { baseCarried } = await writeWorkbook(out, { sheets, base: xlsxInput ? await readFile(inputs[0]) : undefined });
  if (!xlsxInput || baseCarried) return warnings;
  return [`${inputs[0]} is laid out in a way SegmentKit can only copy by loading it whole, and it is too large for the memory this machine gives Node, so ${out} holds SegmentKit's sheets only; ${inputs[0]} is unchanged. To get one workbook, save it again from Excel as an .xlsx workbook (not Strict Open XML), or give Node more memory (NODE_OPTIONS=--max-old-space-size=8192).`];
}

/** A CSV file's name as a sheet name: no extension, Excel's forbidden characters out, 31 characters. */
function inputSheetName(file: string): string {
  return file.replace(/\.[^.]+$/, '').replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Data';
}
