import type { ChartSpec, OutputSheet, SummaryTable } from '../core/results/Outputs';
import { formatRect } from './a1Address';
import type { RequestBatcher } from './RequestBatcher';
import { cellBytes, REQUEST_BUDGET_BYTES } from './requestBudget';
import { objectName } from './sheetNames';
import { formatFor } from './textGuard';

const CHART_TYPES: Record<ChartSpec['kind'], Excel.ChartType> = {
  column: 'ColumnClustered' as Excel.ChartType,
  bar: 'BarClustered' as Excel.ChartType,
  line: 'Line' as Excel.ChartType,
  scatter: 'XYScatter' as Excel.ChartType,
  pie: 'Pie' as Excel.ChartType,
};

/** Where a summary table landed on its sheet, for charts and for renaming on publish. */
export interface PlacedTable {
  spec: SummaryTable;
  table: Excel.Table;
  finalName: string;
  /** 0-based row of the header and first column. */
  headerRow: number;
  rowCount: number;
}

export interface StagedSheet {
  sheet: Excel.Worksheet;
  stagingName: string;
  finalName: string;
  tables: PlacedTable[];
  charts: number;
  warnings: string[];
}

const GAP_ROWS = 2;
const CHART_ROWS = 16;

/**
 * Builds one output sheet under a staging name: each summary table with a bold title, a
 * formatted Excel table with its number formats, then the charts beside them. Statements go
 * through the batcher, so big tables span several requests and small sheets share one.
 */
export async function writeStagedSheet(context: Excel.RequestContext, batcher: RequestBatcher, out: OutputSheet, stagingName: string, index: number, drawCharts: boolean): Promise<StagedSheet> {
  const step = `sheet ${out.name}`;
  await batcher.room(256, step);
  const sheet = context.workbook.worksheets.add(stagingName);
  const staged: StagedSheet = { sheet, stagingName, finalName: out.name, tables: [], charts: 0, warnings: [] };
  let row = 0;
  let widest = 1;
  const used = new Set<string>();
  for (const [j, spec] of out.tables.entries()) {
    const cols = Math.max(1, spec.headers.length);
    widest = Math.max(widest, cols);
    await batcher.room(256 + spec.title.length, step);
    const title = sheet.getRangeByIndexes(row, 0, 1, 1);
    title.numberFormat = [['@']];
    title.values = [[spec.title]];
    title.format.font.bold = true;
    const headerRow = row + 1;
    await writeBlock(batcher, sheet, headerRow, [spec.headers.map((h) => h)], undefined, step);
    await writeBlock(batcher, sheet, headerRow + 1, spec.rows, spec.numberFormats, step);
    const bodyRows = Math.max(1, spec.rows.length);
    await batcher.room(512, step);
    const table = sheet.tables.add(sheet.getRangeByIndexes(headerRow, 0, 1 + bodyRows, cols), true);
    table.name = `SK_tmp${index}_${j + 1}`;
    table.getRange().format.autofitColumns();
    let finalName = objectName(out.name.slice(3), spec.title);
    for (let k = 2; used.has(finalName.toLowerCase()); k++) finalName = `${objectName(out.name.slice(3), spec.title)}_${k}`;
    used.add(finalName.toLowerCase());
    staged.tables.push({ spec, table, finalName, headerRow, rowCount: bodyRows });
    row = headerRow + 1 + bodyRows + GAP_ROWS;
  }
  if (drawCharts) {
    for (const chart of out.charts ?? []) {
      const drawn = await addChart(batcher, sheet, staged, chart, widest + 1, staged.charts * CHART_ROWS, step);
      if (drawn) staged.charts++;
    }
  }
  return staged;
}

async function addChart(batcher: RequestBatcher, sheet: Excel.Worksheet, staged: StagedSheet, spec: ChartSpec, column: number, row: number, step: string): Promise<boolean> {
  const placed = staged.tables.find((t) => t.spec.title === spec.table);
  const skip = (why: string): false => {
    staged.warnings.push(`Chart "${spec.title}" on ${staged.finalName} was skipped: ${why}.`);
    return false;
  };
  if (!placed) return skip(`there is no table "${spec.table}" on that sheet`);
  const at = (name: string): number => placed.spec.headers.indexOf(name);
  const category = at(spec.categoryColumn);
  if (category < 0) return skip(`the table has no column "${spec.categoryColumn}"`);
  const series = spec.valueColumns.map(at);
  const missing = spec.valueColumns.filter((_, i) => series[i]! < 0);
  if (missing.length || series.length === 0) return skip(`the table has no column ${missing.map((m) => `"${m}"`).join(', ') || 'to plot'}`);
  await batcher.room(1024 + 256 * series.length, step);
  const body = (c: number): Excel.Range => sheet.getRangeByIndexes(placed.headerRow + 1, c, placed.rowCount, 1);
  const chart = sheet.charts.add(CHART_TYPES[spec.kind], body(series[0]!), 'Columns' as Excel.ChartSeriesBy);
  chart.name = spec.title.slice(0, 250);
  chart.title.text = spec.title;
  const first = chart.series.getItemAt(0);
  first.name = spec.valueColumns[0]!;
  first.setXAxisValues(body(category));
  for (let i = 1; i < series.length; i++) {
    const s = chart.series.add(spec.valueColumns[i]!);
    s.setValues(body(series[i]!));
    s.setXAxisValues(body(category));
  }
  chart.setPosition(formatRect({ row, column, rowCount: 1, columnCount: 1 }), formatRect({ row: row + CHART_ROWS - 2, column: column + 7, rowCount: 1, columnCount: 1 }));
  return true;
}

/** Writes rows of cells at (row, 0) in request-sized slices, strings as Text. */
async function writeBlock(batcher: RequestBatcher, sheet: Excel.Worksheet, row: number, rows: readonly (readonly unknown[])[], formats: readonly (string | undefined)[] | undefined, step: string): Promise<void> {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  let start = 0;
  while (start < rows.length) {
    let bytes = 0;
    let end = start;
    while (end < rows.length) {
      let rowBytes = 4;
      for (let j = 0; j < width; j++) rowBytes += 2 * cellBytes(rows[end]![j]) + 8;
      if (end > start && bytes + rowBytes > REQUEST_BUDGET_BYTES / 2) break;
      bytes += rowBytes;
      end++;
    }
    await batcher.room(bytes + 256, step);
    const values: (string | number | boolean)[][] = [];
    const numberFormats: string[][] = [];
    for (let i = start; i < end; i++) {
      const v: (string | number | boolean)[] = [];
      const f: string[] = [];
      for (let j = 0; j < width; j++) {
        const raw = rows[i]![j];
        const cell = raw === null || raw === undefined || (typeof raw === 'number' && !Number.isFinite(raw)) ? '' : (raw as string | number | boolean);
        v.push(cell);
        f.push(formatFor(cell, formats?.[j]));
      }
      values.push(v);
      numberFormats.push(f);
    }
    const range = sheet.getRangeByIndexes(row + start, 0, end - start, width);
    range.numberFormat = numberFormats;
    range.values = values;
    start = end;
  }
}
