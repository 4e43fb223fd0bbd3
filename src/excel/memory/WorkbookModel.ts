import { formatRect, type CellRect } from '../a1Address';
import { ApiErrorCode, OfficeApiError } from './OfficeApiError';
import { SheetModel } from './SheetModel';
import { validateSheetName } from './validateSheetName';

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: CellRect;
  deleted: boolean;
}

/** A range a chart or PivotTable refers to; it follows its sheet through renames, as in Excel. */
export interface RangeLink {
  sheet: SheetModel;
  rect: CellRect;
}

export function linkAddress(link: RangeLink | undefined): string | null {
  return link ? formatRect(link.rect, link.sheet.name) : null;
}

export interface SeriesModel {
  name: string;
  values?: RangeLink;
  xValues?: RangeLink;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  sheet: SheetModel;
  source: RangeLink;
  seriesBy: string;
  title: string;
  position?: string;
  series: SeriesModel[];
  deleted: boolean;
}

export interface PivotModel {
  id: string;
  name: string;
  sheet: SheetModel;
  source: RangeLink;
  sourceHeaders: string[];
  destination: RangeLink;
  rows: string[];
  data: { name: string; field: string; summarizeBy: string; numberFormat?: string }[];
  deleted: boolean;
}

export interface XmlPartModel {
  id: string;
  namespaceUri: string;
  xml: string;
  deleted: boolean;
}

/** One `context.sync()` as the workbook saw it. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  calculationSuspended: boolean;
}

/** Excel's documented per-request limits (bytes / cells). */
export interface WorkbookLimits {
  requestBytes: number;
  responseBytes: number;
  cellsPerRead: number;
}

export const EXCEL_LIMITS: WorkbookLimits = { requestBytes: 5 * 1024 * 1024, responseBytes: 5 * 1024 * 1024, cellsPerRead: 5_000_000 };

/** One queued statement of a batch: its estimated request size and what it does on sync. */
export interface Operation {
  bytes: number;
  run: (batch: BatchState) => void;
}

export interface BatchState {
  responseBytes: number;
  calculationSuspended: boolean;
}

/**
 * The whole in-memory workbook: sheets, tables, charts, PivotTables, settings and custom XML
 * parts, plus the request accounting (syncs, payload sizes) and the failure hook tests use.
 */
export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly pivots: PivotModel[] = [];
  readonly settings = new Map<string, unknown>();
  readonly xmlParts: XmlPartModel[] = [];
  readonly syncs: SyncRecord[] = [];
  limits: WorkbookLimits = { ...EXCEL_LIMITS };
  /** `ExcelApi` requirement-set version the simulated host supports. */
  apiVersion = '1.17';
  active: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: CellRect } | null = null;
  private nextId = 1;
  private failAt: { sync: number; message: string } | null = null;

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  sheetByName(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === key);
  }

  addSheet(name?: string): SheetModel {
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    validateSheetName(finalName);
    if (this.sheetByName(finalName)) {
      throw new OfficeApiError(ApiErrorCode.itemAlreadyExists, `A worksheet named "${finalName}" already exists.`, 'WorksheetCollection.add');
    }
    const sheet = new SheetModel(this.newId('sheet'), finalName);
    this.sheets.push(sheet);
    if (!this.active) this.active = sheet;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    validateSheetName(name);
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw new OfficeApiError(ApiErrorCode.itemAlreadyExists, `A worksheet named "${name}" already exists.`, 'Worksheet.name');
    sheet.name = name;
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.liveSheets().filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw new OfficeApiError(ApiErrorCode.invalidOperation, 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
    }
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const t of this.tables) if (t.sheet === sheet) t.deleted = true;
    for (const c of this.charts) if (c.sheet === sheet) c.deleted = true;
    for (const p of this.pivots) if (p.sheet === sheet) p.deleted = true;
    if (this.active === sheet) this.active = this.liveSheets().find((s) => s.visibility === 'Visible') ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  liveTables(): TableModel[] {
    return this.tables.filter((t) => !t.deleted);
  }

  tableByName(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.liveTables().find((t) => t.name.toLowerCase() === key);
  }

  /** Makes the `n`th sync from now (1 = the next one) throw before it applies anything. */
  failOnSync(n: number, message = 'Simulated failure between syncs.'): void {
    this.failAt = { sync: this.syncs.length + n, message };
  }

  /** Runs one batch the way Excel does: size checks first, then statements in order. */
  execute(ops: Operation[]): void {
    const syncNumber = this.syncs.length + 1;
    let requestBytes = 0;
    for (const op of ops) requestBytes += op.bytes;
    const batch: BatchState = { responseBytes: 0, calculationSuspended: false };
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: ops.length, calculationSuspended: false };
    this.syncs.push(record);
    if (this.failAt && this.failAt.sync === syncNumber) {
      this.failAt = null;
      throw new OfficeApiError(ApiErrorCode.generalException, 'An internal error has occurred. (simulated)', 'RequestContext.sync');
    }
    if (requestBytes > this.limits.requestBytes) {
      throw new OfficeApiError(ApiErrorCode.requestPayloadSizeLimitExceeded, `The request payload size has exceeded the limit (${requestBytes} bytes).`, 'RequestContext.sync');
    }
    try {
      for (const op of ops) op.run(batch);
    } finally {
      record.responseBytes = batch.responseBytes;
      record.calculationSuspended = batch.calculationSuspended;
    }
  }

  /** Counts a loaded payload against the response limit, before handing it out. */
  chargeResponse(batch: BatchState, bytes: number): void {
    if (batch.responseBytes + bytes > this.limits.responseBytes) {
      throw new OfficeApiError(ApiErrorCode.responsePayloadSizeLimitExceeded, `The response payload size has exceeded the limit (${batch.responseBytes + bytes} bytes).`, 'RequestContext.sync');
    }
    batch.responseBytes += bytes;
  }

  checkCellRead(rect: CellRect, sheet: SheetModel): void {
    if (rect.rowCount * rect.columnCount > this.limits.cellsPerRead) {
      throw new OfficeApiError(ApiErrorCode.rangeExceedsLimit, `The cell count in the range ${formatRect(rect, sheet.name)} has exceeded the maximum supported number.`, 'Range.load');
    }
  }

  supports(minVersion: string): boolean {
    return compareVersions(this.apiVersion, minVersion) >= 0;
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
