import { SegmentKitError, isSegmentKitError } from '../core/errors/SegmentKitError';
import { SK_PREFIX, type OutputColumn, type OutputSheet, type SummaryTable } from '../core/results/Outputs';
import { formatRect, parseCells, splitSheet, type CellRect } from './a1Address';
import { excelApi, supportsExcelApi } from './excelHost';
import { outputCell } from './outputCell';
import { RequestBatcher } from './RequestBatcher';
import { cellBytes, REQUEST_BUDGET_BYTES } from './requestBudget';
import { checkOutputSheetName, INCOMPLETE_SUFFIX, objectName, STAGING_PREFIX } from './sheetNames';
import { formatFor, looksLikeFormula } from './textGuard';
import { writeStagedSheet, type StagedSheet } from './writeStagedSheet';

/** A native PivotTable of segment × measures (sums), over the data plus SegmentKit's columns. */
export interface PivotRequest {
  /** Header of the segment column (one of `columns`). */
  rows: string;
  /** Headers of the measure columns (among `columns`), summed per segment. */
  measures: string[];
  /** Default `SK Pivot`. */
  sheetName?: string;
}

export interface WriteProgress {
  step: string;
  done: number;
  total: number;
}

export interface WriteResultsOptions {
  /** The sheet holding the user's rows (one row per customer below a header row). */
  sheet: string;
  /** The Excel table holding the rows; default: the table at the top-left of the used range, if any. */
  table?: string;
  columns?: OutputColumn[];
  sheets?: OutputSheet[];
  pivot?: PivotRequest;
  /** Draw the sheets' ChartSpecs; default true. */
  charts?: boolean;
  /** Data row i (0-based, below the header) takes output row rowMap[i]; -1 leaves it blank. Default: row i. */
  rowMap?: Int32Array | readonly number[];
  onProgress?: (p: WriteProgress) => void;
  signal?: AbortSignal;
}

export interface WrittenItem {
  what: string;
  where: string;
}

export interface WriteResultsReport {
  items: WrittenItem[];
  warnings: string[];
  /** Requests (syncs) the write took. */
  requests: number;
}

interface Region {
  rect: CellRect;
  table: Excel.Table | null;
}

interface Placement {
  column: OutputColumn;
  sheetColumn: number;
  isNew: boolean;
}

/**
 * Writes segment / score columns next to the user's data and SegmentKit's sheets. Reruns
 * replace SegmentKit's own columns (found by their `SK · ` header) and sheets (by name), never
 * touching the user's cells. Output sheets are built under a staging name and swapped in at the
 * end; columns carry an "(incomplete)" header until their last chunk is written. So a failure
 * part-way leaves marked leftovers the next run replaces, and the error names the step.
 *
 * @example
 * await writeResults({ sheet: 'Customers', columns: [{ header: 'SK · RFM segment', values: segments }], sheets: [rfmSheet] });
 */
export async function writeResults(options: WriteResultsOptions): Promise<WriteResultsReport> {
  const columns = options.columns ?? [];
  const sheets = options.sheets ?? [];
  validateOptions(options, columns, sheets);
  const report: WriteResultsReport = { items: [], warnings: [], requests: 0 };
  return excelApi().run(async (context) => {
    const batcher = new RequestBatcher(context, options.signal);
    let step = 'locate';
    try {
      const wb = context.workbook;
      const ws = wb.worksheets.getItemOrNullObject(options.sheet);
      ws.load('name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address');
      const all = wb.worksheets;
      all.load('items/name,items/position');
      const tables = ws.tables;
      tables.load('items/name');
      await batcher.flush();
      if (ws.isNullObject) {
        throw new SegmentKitError('E_EXCEL_SHEET_NOT_FOUND', `There is no sheet named "${options.sheet}"`, { location: { sheet: options.sheet }, hint: 'Read the data again, or pick the sheet that holds the customers.' });
      }
      if (used.isNullObject) {
        throw new SegmentKitError('E_EXCEL_EMPTY_SHEET', 'The sheet is empty: there are no rows to put results next to', { location: { sheet: ws.name }, hint: 'Pick the sheet the data was read from.' });
      }
      const region = await locateRegion(batcher, ws, tables, options.table, rectOf(used.address));
      step = 'read headers';
      const header = ws.getRangeByIndexes(region.rect.row, region.rect.column, 1, region.rect.columnCount);
      header.load('values');
      await batcher.flush();
      const dataRows = region.rect.rowCount - 1;
      checkRowCounts(options, columns, dataRows, ws.name);
      const { placements, leftovers } = placeColumns(columns, header.values[0] ?? [], region.rect);

      step = 'clean up';
      const existing = new Map(all.items.map((s) => [s.name.toLowerCase(), s]));
      for (const s of all.items) if (s.name.startsWith(STAGING_PREFIX)) s.delete();
      for (const col of leftovers) {
        if (region.table) report.warnings.push(`Column "${col.header}" of table ${region.table.name} is left from a run that stopped part-way; delete it or run that model again.`);
        else ws.getRangeByIndexes(region.rect.row, col.sheetColumn, region.rect.rowCount, 1).clear('All');
      }

      step = 'column headers';
      await batcher.room(512 * Math.max(1, placements.length), step);
      for (const p of placements) {
        const marked = p.column.header + INCOMPLETE_SUFFIX;
        if (p.isNew && region.table) region.table.columns.add(undefined, undefined, marked);
        else setHeader(ws, region.rect.row, p.sheetColumn, marked);
      }
      await writeColumnRows(batcher, ws, region.rect, placements, options, dataRows, report);
      step = 'finish columns';
      await batcher.room(512 * Math.max(1, placements.length), step);
      for (const p of placements) {
        setHeader(ws, region.rect.row, p.sheetColumn, p.column.header);
        const cell = ws.getRangeByIndexes(region.rect.row, p.sheetColumn, 1, 1);
        cell.format.font.bold = true;
        cell.format.fill.color = '#E8F1FB';
        cell.format.autofitColumns();
        report.items.push({ what: `column ${p.column.header}`, where: formatRect({ row: region.rect.row, column: p.sheetColumn, rowCount: dataRows + 1, columnCount: 1 }, ws.name) });
      }

      const outputs = [...sheets];
      const pivotName = options.pivot?.sheetName ?? 'SK Pivot';
      const nativePivot = options.pivot !== undefined && supportsExcelApi('1.8');
      if (options.pivot && !nativePivot) {
        outputs.push(fallbackPivotSheet(options.pivot, pivotName, columns, options.rowMap, dataRows));
        report.warnings.push('This Excel does not support PivotTables from add-ins (ExcelApi 1.8); SegmentKit wrote a plain summary table instead.');
      }
      const staged: StagedSheet[] = [];
      for (const [i, out] of outputs.entries()) {
        step = `sheet ${out.name}`;
        staged.push(await writeStagedSheet(context, batcher, out, `${STAGING_PREFIX}${i + 1}`, i + 1, options.charts !== false));
      }
      let pivotStage: { sheet: Excel.Worksheet; pivot: Excel.PivotTable } | null = null;
      if (options.pivot && nativePivot) {
        step = 'pivot';
        pivotStage = addPivot(ws, context, options.pivot, columns, placements, region.rect, dataRows);
        await batcher.room(2048, step);
      }

      step = 'publish sheets';
      await batcher.room(1024 * (staged.length + 1), step);
      for (const s of staged) {
        publish(s.sheet, s.finalName, existing.get(s.finalName.toLowerCase()));
        for (const t of s.tables) t.table.name = t.finalName;
        report.items.push({ what: `sheet ${s.finalName}`, where: `${s.tables.length} table(s), ${s.charts} chart(s)` });
        report.warnings.push(...s.warnings);
      }
      if (pivotStage) {
        publish(pivotStage.sheet, pivotName, existing.get(pivotName.toLowerCase()));
        pivotStage.pivot.name = objectName('Pivot', pivotName.slice(3));
        report.items.push({ what: `PivotTable ${pivotName}`, where: `${options.pivot!.rows} × ${options.pivot!.measures.join(', ')}` });
      }
      await batcher.flush();
      report.requests = batcher.requests;
      return report;
    } catch (e) {
      if (isSegmentKitError(e)) throw e;
      const where = batcher.pendingSteps() || step;
      throw new SegmentKitError('E_EXCEL_WRITE', `Writing results stopped at step "${where}": ${e instanceof Error ? e.message : String(e)}`, {
        location: { sheet: options.sheet },
        hint: 'Your own cells were not changed. Run again: SegmentKit replaces its partial columns and sheets.',
        cause: e,
      });
    }
  });
}

function rectOf(address: string): CellRect {
  return parseCells(splitSheet(address).cells)!;
}

/** The rows to write next to: the named table, the table at the used range's corner, or the used range. */
async function locateRegion(batcher: RequestBatcher, ws: Excel.Worksheet, tables: Excel.TableCollection, name: string | undefined, usedRect: CellRect): Promise<Region> {
  const candidates = name === undefined ? tables.items.map((t) => ws.tables.getItem(t.name)) : [ws.tables.getItemOrNullObject(name)];
  const ranges = candidates.map((t) => {
    const r = t.getRange();
    r.load('address');
    return r;
  });
  if (name !== undefined) candidates[0]!.load('name');
  if (candidates.length) await batcher.flush();
  if (name !== undefined) {
    if (candidates[0]!.isNullObject) {
      throw new SegmentKitError('E_EXCEL_TABLE_NOT_FOUND', `There is no table named "${name}" on this sheet`, { location: { sheet: ws.name }, hint: 'Pick the table the data was read from.' });
    }
    return { rect: rectOf(ranges[0]!.address), table: candidates[0]! };
  }
  for (let i = 0; i < candidates.length; i++) {
    const r = rectOf(ranges[i]!.address);
    if (r.row <= usedRect.row && usedRect.row < r.row + r.rowCount && r.column <= usedRect.column && usedRect.column < r.column + r.columnCount) {
      const table = candidates[i]!;
      table.load('name');
      return { rect: r, table };
    }
  }
  return { rect: usedRect, table: null };
}

/** SegmentKit's columns keep their place on reruns; new ones go after the last used column. */
function placeColumns(columns: OutputColumn[], headers: unknown[], rect: CellRect): { placements: Placement[]; leftovers: { header: string; sheetColumn: number }[] } {
  const existing = new Map<string, number>();
  const incomplete: { header: string; sheetColumn: number }[] = [];
  headers.forEach((h, j) => {
    const text = String(h);
    if (!text.startsWith(SK_PREFIX)) return;
    const base = text.endsWith(INCOMPLETE_SUFFIX) ? text.slice(0, -INCOMPLETE_SUFFIX.length) : text;
    existing.set(base, rect.column + j);
    if (base !== text) incomplete.push({ header: base, sheetColumn: rect.column + j });
  });
  let next = rect.column + rect.columnCount;
  const placements = columns.map((column) => {
    const at = existing.get(column.header);
    return at === undefined ? { column, sheetColumn: next++, isNew: true } : { column, sheetColumn: at, isNew: false };
  });
  const wanted = new Set(columns.map((c) => c.header));
  return { placements, leftovers: incomplete.filter((c) => !wanted.has(c.header)) };
}

function setHeader(ws: Excel.Worksheet, row: number, column: number, text: string): void {
  const cell = ws.getRangeByIndexes(row, column, 1, 1);
  cell.numberFormat = [['@']];
  cell.values = [[text]];
}

/** Rows in request-sized chunks: all SegmentKit columns of a chunk travel in one request. */
async function writeColumnRows(batcher: RequestBatcher, ws: Excel.Worksheet, rect: CellRect, placements: Placement[], options: WriteResultsOptions, dataRows: number, report: WriteResultsReport): Promise<void> {
  if (placements.length === 0 || dataRows === 0) return;
  const rowMap = options.rowMap;
  const sourceRow = (i: number): number => (rowMap ? rowMap[i]! : i);
  let guarded = 0;
  let start = 0;
  const runs = adjacentRuns(placements);
  while (start < dataRows) {
    let bytes = 256 * placements.length;
    let end = start;
    while (end < dataRows) {
      let rowBytes = 0;
      const r = sourceRow(end);
      for (const p of placements) rowBytes += cellBytes(outputCell(p.column, r)) + (p.column.numberFormat?.length ?? 7) + 5;
      if (end > start && bytes + rowBytes > REQUEST_BUDGET_BYTES) break;
      bytes += rowBytes;
      end++;
    }
    const step = `column rows ${rect.row + 2 + start}–${rect.row + 1 + end}`;
    await batcher.room(bytes, step);
    for (const run of runs) {
      // Formats per column (usually one for the whole column), then the run's values as one
      // rectangle: a row array per row rather than one per cell keeps a million-row write
      // from allocating tens of millions of small arrays on the add-in's thread.
      const values: (string | number | boolean)[][] = new Array(end - start);
      for (let i = start; i < end; i++) values[i - start] = new Array(run.length);
      for (const [k, p] of run.entries()) {
        let formats: string[][] | null = null;
        let uniform: string | null = null;
        for (let i = start; i < end; i++) {
          const v = outputCell(p.column, sourceRow(i));
          const f = formatFor(v, p.column.numberFormat);
          if (typeof v === 'string' && looksLikeFormula(v)) guarded++;
          values[i - start]![k] = v;
          if (uniform === null) uniform = f;
          if (formats === null && f !== uniform) formats = Array.from({ length: i - start }, () => [uniform!]);
          if (formats !== null) formats.push([f]);
        }
        ws.getRangeByIndexes(rect.row + 1 + start, p.sheetColumn, end - start, 1).numberFormat = formats ?? [[uniform ?? 'General']];
      }
      ws.getRangeByIndexes(rect.row + 1 + start, run[0]!.sheetColumn, end - start, run.length).values = values;
    }
    start = end;
    options.onProgress?.({ step: 'write columns', done: start, total: dataRows });
  }
  if (guarded > 0) report.warnings.push(`${guarded} result cell(s) start with = + - @ or a tab and were written as text, so Excel does not run them as formulas.`);
}

/** Placements whose sheet columns follow each other, in column order: each run is written as one range. */
function adjacentRuns(placements: Placement[]): Placement[][] {
  const sorted = [...placements].sort((a, b) => a.sheetColumn - b.sheetColumn);
  const runs: Placement[][] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.sheetColumn + 1 === p.sheetColumn) last.push(p);
    else runs.push([p]);
  }
  return runs;
}

/** Moves the finished sheet to where the old one was, removes the old one and takes its name. */
function publish(sheet: Excel.Worksheet, finalName: string, old: Excel.Worksheet | undefined): void {
  if (old) {
    sheet.position = old.position;
    old.delete();
  }
  sheet.name = finalName;
}

function addPivot(source: Excel.Worksheet, context: Excel.RequestContext, pivot: PivotRequest, columns: OutputColumn[], placements: Placement[], rect: CellRect, dataRows: number): { sheet: Excel.Worksheet; pivot: Excel.PivotTable } {
  const lastColumn = Math.max(rect.column + rect.columnCount - 1, ...placements.map((p) => p.sheetColumn));
  const sheet = context.workbook.worksheets.add(`${STAGING_PREFIX}pivot`);
  const range = source.getRangeByIndexes(rect.row, rect.column, dataRows + 1, lastColumn - rect.column + 1);
  const pt = sheet.pivotTables.add('SK_tmp_pivot', range, sheet.getRange('A3'));
  pt.rowHierarchies.add(pt.hierarchies.getItem(pivot.rows));
  for (const m of pivot.measures) {
    const data = pt.dataHierarchies.add(pt.hierarchies.getItem(m));
    data.summarizeBy = 'Sum' as Excel.AggregationFunction;
    const format = columns.find((c) => c.header === m)?.numberFormat;
    if (format) data.numberFormat = format;
  }
  return { sheet, pivot: pt };
}

/** What the PivotTable would show, as a plain table, for hosts without ExcelApi 1.8. */
function fallbackPivotSheet(pivot: PivotRequest, name: string, columns: OutputColumn[], rowMap: WriteResultsOptions['rowMap'], dataRows: number): OutputSheet {
  const seg = columns.find((c) => c.header === pivot.rows)!;
  const measures = pivot.measures.map((m) => columns.find((c) => c.header === m)!);
  const groups = new Map<string, { count: number; sums: number[] }>();
  for (let i = 0; i < dataRows; i++) {
    const r = rowMap ? rowMap[i]! : i;
    const key = String(outputCell(seg, r));
    let g = groups.get(key);
    if (!g) {
      g = { count: 0, sums: measures.map(() => 0) };
      groups.set(key, g);
    }
    g.count++;
    measures.forEach((m, k) => {
      const v = outputCell(m, r);
      if (typeof v === 'number') g!.sums[k] += v;
    });
  }
  const keys = [...groups.keys()].sort();
  const table: SummaryTable = {
    title: `${pivot.rows} × ${pivot.measures.join(', ')}`,
    headers: [pivot.rows, 'Customers', ...pivot.measures.map((m) => `Sum of ${m}`)],
    rows: keys.map((k) => [k === '' ? '(blank)' : k, groups.get(k)!.count, ...groups.get(k)!.sums]),
    numberFormats: [undefined, '#,##0', ...measures.map((m) => m.numberFormat)],
  };
  return { name, tables: [table] };
}

function validateOptions(options: WriteResultsOptions, columns: OutputColumn[], sheets: OutputSheet[]): void {
  if (typeof options.sheet !== 'string' || options.sheet.trim() === '') {
    throw new SegmentKitError('E_EXCEL_SHEET_NAME', 'The data sheet name is blank', { hint: 'Pass the sheet the customers were read from.' });
  }
  const seen = new Set<string>();
  for (const c of columns) {
    const where = { location: { sheet: options.sheet, column: c.header } };
    if (typeof c.header !== 'string' || !c.header.startsWith(SK_PREFIX) || c.header.length === SK_PREFIX.length) {
      throw new SegmentKitError('E_EXCEL_HEADER', `Output column headers must start with "${SK_PREFIX}"`, { ...where, hint: 'Name the column like "SK · RFM segment" so reruns can find and replace it.' });
    }
    if (c.header.endsWith(INCOMPLETE_SUFFIX) || seen.has(c.header)) {
      throw new SegmentKitError('E_EXCEL_HEADER', 'This output column header is used twice or ends with "(incomplete)"', { ...where, hint: 'Give every output column its own header.' });
    }
    seen.add(c.header);
  }
  const names = new Set<string>();
  const pivotName = options.pivot ? (options.pivot.sheetName ?? 'SK Pivot') : null;
  for (const name of [...sheets.map((s) => s.name), ...(pivotName ? [pivotName] : [])]) {
    checkOutputSheetName(name);
    if (names.has(name.toLowerCase())) throw new SegmentKitError('E_EXCEL_SHEET_NAME', 'Two output sheets have the same name', { location: { sheet: name }, hint: 'Give every output sheet its own name.' });
    names.add(name.toLowerCase());
  }
  if (options.pivot) {
    for (const field of [options.pivot.rows, ...options.pivot.measures]) {
      if (!seen.has(field)) {
        throw new SegmentKitError('E_EXCEL_PIVOT_FIELD', `The PivotTable field "${field}" is not one of the columns being written`, { location: { column: field }, hint: 'Use the header of an output column for the rows and each measure.' });
      }
    }
    if (options.pivot.measures.length === 0) throw new SegmentKitError('E_EXCEL_PIVOT_FIELD', 'The PivotTable needs at least one measure', { hint: 'Add a value column such as "SK · CLV".' });
  }
}

function checkRowCounts(options: WriteResultsOptions, columns: OutputColumn[], dataRows: number, sheet: string): void {
  const map = options.rowMap;
  if (map && map.length !== dataRows) {
    throw new SegmentKitError('E_EXCEL_ROW_COUNT', `The row map has ${map.length} entries but the sheet has ${dataRows} data rows`, { location: { sheet }, hint: 'Read the sheet again before writing results.' });
  }
  let needed = dataRows;
  if (map) {
    needed = 0;
    for (let i = 0; i < map.length; i++) needed = Math.max(needed, map[i]! + 1);
  }
  for (const c of columns) {
    const n = c.values.length;
    if (map ? n < needed : n !== dataRows) {
      throw new SegmentKitError('E_EXCEL_ROW_COUNT', `The column has ${n} values but the sheet has ${map ? `rows up to output row ${needed}` : `${dataRows} data rows`}`, {
        location: { sheet, column: c.header },
        hint: 'Read the sheet again: the data changed since the model ran.',
      });
    }
  }
}
