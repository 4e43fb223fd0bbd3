import { formatRect, parseCells, splitSheet, type CellRect } from '../a1Address';
import { ExcelErrorValue, type StoredValue } from './interpretInput';
import { ApiErrorCode, OfficeApiError } from './OfficeApiError';
import { reportValue, type SheetModel } from './SheetModel';
import { linkAddress, WorkbookModel, type SyncRecord, type WorkbookLimits } from './WorkbookModel';

/** A seed cell: a constant, or a formula with the result Excel last calculated for it. */
export type SeedCell = string | number | boolean | null | ExcelErrorValue | { formula: string; result: string | number | boolean | ExcelErrorValue };

/** What one cell holds, for assertions. */
export interface CellInspection {
  address: string;
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  bold: boolean;
  fill: string | null;
}

/**
 * The in-memory workbook behind `installMemoryExcel`: tests and the playground seed it directly
 * (no requests counted), run the real adapter against it through `Excel.run`, then inspect
 * cells, request statistics and a canonical snapshot.
 *
 * @example
 * const wb = new MemoryWorkbook();
 * wb.addSheet('Customers', [['id', 'spend'], ['C1', 120]]);
 * wb.cell('Customers', 'B2').value; // 120
 */
export class MemoryWorkbook {
  readonly model = new WorkbookModel();

  /** Adds a sheet filled from row-major values at A1 (strings are stored as typed, never as formulas). */
  addSheet(name: string, rows: SeedCell[][] = [], numberFormats?: (string | undefined)[][]): this {
    const sheet = this.model.addSheet(name);
    rows.forEach((row, r) => row.forEach((cell, c) => seed(sheet, r, c, cell)));
    numberFormats?.forEach((row, r) => row.forEach((f, c) => f !== undefined && sheet.setNumberFormat(r, c, f)));
    return this;
  }

  /** Writes one seed cell, e.g. `setCell('Orders', 'C3', { formula: '=1/0', result: errorValue('#DIV/0!') })`. */
  setCell(sheet: string, address: string, cell: SeedCell, numberFormat?: string): this {
    const s = this.sheet(sheet);
    const rect = this.rect(address);
    seed(s, rect.row, rect.column, cell);
    if (numberFormat !== undefined) s.setNumberFormat(rect.row, rect.column, numberFormat);
    return this;
  }

  /** Declares an Excel table over `address` (first row = headers). */
  addTable(sheet: string, address: string, name: string): this {
    const s = this.sheet(sheet);
    if (this.model.tableByName(name)) throw new OfficeApiError(ApiErrorCode.itemAlreadyExists, `A table named "${name}" already exists.`);
    this.model.tables.push({ id: this.model.newId('table'), name, sheet: s, rect: this.rect(address), deleted: false });
    return this;
  }

  /** Merges cells as the user would; only the top-left value stays. */
  mergeCells(sheet: string, address: string): this {
    const s = this.sheet(sheet);
    const rect = this.rect(address);
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        if (r !== rect.row || c !== rect.column) s.clear({ row: r, column: c, rowCount: 1, columnCount: 1 }, 'Contents');
      }
    }
    s.merged.push(rect);
    return this;
  }

  hideRows(sheet: string, firstRow1Based: number, count: number): this {
    const s = this.sheet(sheet);
    for (let i = 0; i < count; i++) s.hiddenRows.add(firstRow1Based - 1 + i);
    return this;
  }

  activate(sheet: string): this {
    this.model.active = this.sheet(sheet);
    return this;
  }

  select(sheet: string, address: string): this {
    const s = this.sheet(sheet);
    this.model.active = s;
    this.model.selection = { sheet: s, rect: this.rect(address) };
    return this;
  }

  /** Makes the `n`th sync from now throw GeneralException before applying anything. */
  failOnSync(n: number): this {
    this.model.failOnSync(n);
    return this;
  }

  /** ExcelApi version the simulated host supports (PivotTables need 1.8). */
  setApiVersion(version: string): this {
    this.model.apiVersion = version;
    return this;
  }

  setLimits(limits: Partial<WorkbookLimits>): this {
    this.model.limits = { ...this.model.limits, ...limits };
    return this;
  }

  get syncs(): readonly SyncRecord[] {
    return this.model.syncs;
  }

  get requestCount(): number {
    return this.model.syncs.length;
  }

  get largestRequestBytes(): number {
    return this.model.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  get largestResponseBytes(): number {
    return this.model.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  resetStats(): void {
    this.model.syncs.length = 0;
  }

  sheetNames(): string[] {
    return this.model.liveSheets().map((s) => s.name);
  }

  cell(sheet: string, address: string): CellInspection {
    const s = this.sheet(sheet);
    const { row, column } = this.rect(address);
    const style = s.style(row, column);
    return {
      address: formatRect({ row, column, rowCount: 1, columnCount: 1 }, s.name),
      value: reportValue(s.value(row, column)),
      formula: s.formula(row, column) ?? null,
      numberFormat: s.numberFormat(row, column) ?? 'General',
      bold: style?.bold ?? false,
      fill: style?.fill ?? null,
    };
  }

  /** Values of a rectangle as `values` would report them. */
  values(sheet: string, address: string): (string | number | boolean)[][] {
    const s = this.sheet(sheet);
    const rect = this.rect(address);
    return Array.from({ length: rect.rowCount }, (_, i) => Array.from({ length: rect.columnCount }, (_, j) => reportValue(s.value(rect.row + i, rect.column + j))));
  }

  usedAddress(sheet: string): string | null {
    const s = this.sheet(sheet);
    const rect = s.usedRect(false);
    return rect ? formatRect(rect, s.name) : null;
  }

  /**
   * Everything a user could see or a later run could find, in a canonical order and without
   * internal ids, so two workbooks compare equal exactly when they look the same.
   */
  snapshot(): unknown {
    const m = this.model;
    return {
      active: m.active?.name ?? null,
      sheets: m.liveSheets().map((s) => sheetSnapshot(s)),
      tables: m.liveTables().map((t) => ({ name: t.name, address: formatRect(t.rect, t.sheet.name) })),
      charts: m.charts.filter((c) => !c.deleted).map((c) => ({ name: c.name, sheet: c.sheet.name, type: c.type, source: linkAddress(c.source), title: c.title, position: c.position ?? null, series: c.series.map((s) => ({ name: s.name, values: linkAddress(s.values), xValues: linkAddress(s.xValues) })) })),
      pivots: m.pivots.filter((p) => !p.deleted).map((p) => ({ name: p.name, sheet: p.sheet.name, source: linkAddress(p.source), destination: linkAddress(p.destination), rows: p.rows, data: p.data })),
      settings: [...m.settings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      xmlParts: m.xmlParts.filter((p) => !p.deleted).map((p) => ({ ns: p.namespaceUri, xml: p.xml })),
    };
  }

  private sheet(name: string): SheetModel {
    const s = this.model.sheetByName(name);
    if (!s) throw new OfficeApiError(ApiErrorCode.itemNotFound, `No worksheet named "${name}".`);
    return s;
  }

  private rect(address: string): CellRect {
    const rect = parseCells(splitSheet(address).cells);
    if (!rect) throw new OfficeApiError(ApiErrorCode.invalidArgument, `Not an address: "${address}".`);
    return rect;
  }
}

/** An Excel error value for seeding cells (`#N/A`, `#DIV/0!`, `#VALUE!`, ...). */
export function errorValue(text: string): ExcelErrorValue {
  return new ExcelErrorValue(text);
}

function seed(sheet: SheetModel, r: number, c: number, cell: SeedCell): void {
  if (cell === null || cell === '') return;
  if (typeof cell === 'object' && !(cell instanceof ExcelErrorValue)) sheet.setFormula(r, c, cell.formula, cell.result);
  else sheet.setValue(r, c, cell as StoredValue);
}

function sheetSnapshot(s: SheetModel): unknown {
  const rect = s.usedRect(false);
  const cells: unknown[] = [];
  if (rect) {
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const v = s.value(r, c);
        const f = s.formula(r, c);
        const nf = s.numberFormat(r, c);
        const st = s.style(r, c);
        if (v === undefined && f === undefined && nf === undefined && st === undefined) continue;
        cells.push([formatRect({ row: r, column: c, rowCount: 1, columnCount: 1 }), reportValue(v), f ?? null, nf ?? null, st ?? null]);
      }
    }
  }
  return {
    name: s.name,
    visibility: s.visibility,
    frozenRows: s.frozenRows,
    hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
    columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    merged: s.merged.map((m) => formatRect(m)),
    cells,
  };
}
