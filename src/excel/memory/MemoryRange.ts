import { formatRect, MAX_COLUMNS, MAX_ROWS, parseCells, splitSheet, type CellRect } from '../a1Address';
import { ClientObject, statementBytes, type ContextCore } from './ClientObject';
import { ExcelErrorValue, interpretInput } from './interpretInput';
import { ApiErrorCode, OfficeApiError } from './OfficeApiError';
import { reportValue, type SheetModel } from './SheetModel';

/** What a range proxy stands for once resolved: a rectangle on one sheet. */
export interface RangeRef {
  sheet: SheetModel;
  rect: CellRect;
}

/** Resolves an address relative to a sheet; a sheet part must name that sheet. */
export function rangeOnSheet(sheet: SheetModel, address: string): RangeRef {
  const { sheet: named, cells } = splitSheet(address);
  if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The address "${address}" is not on worksheet "${sheet.name}".`, 'Worksheet.getRange');
  }
  const rect = parseCells(cells);
  if (!rect) throw new OfficeApiError(ApiErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: "${address}".`, 'Worksheet.getRange');
  return { sheet, rect };
}

export function checkRect(rect: CellRect, where: string): CellRect {
  if (rect.row < 0 || rect.column < 0 || rect.rowCount < 1 || rect.columnCount < 1 || rect.row + rect.rowCount > MAX_ROWS || rect.column + rect.columnCount > MAX_COLUMNS) {
    throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The argument is invalid or missing or has an incorrect format (the range would leave the grid).', where);
  }
  return rect;
}

const CELL_PROPERTIES = new Set(['values', 'numberFormat', 'formulas', 'text', 'valueTypes']);

/** `Excel.Range` over the in-memory workbook. */
export class MemoryRange extends ClientObject<RangeRef> {
  constructor(ctx: ContextCore, resolver: () => RangeRef | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected scalarProperties(): string[] {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount', 'values', 'numberFormat', 'formulas', 'text', 'valueTypes'];
  }

  protected readProperty(t: RangeRef, name: string): unknown {
    const { sheet, rect } = t;
    if (CELL_PROPERTIES.has(name)) this.ctx.model.checkCellRead(rect, sheet);
    switch (name) {
      case 'address':
        return formatRect(rect, sheet.name);
      case 'addressLocal':
        return formatRect(rect, sheet.name);
      case 'rowCount':
        return rect.rowCount;
      case 'columnCount':
        return rect.columnCount;
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'cellCount':
        return rect.rowCount * rect.columnCount;
      case 'values':
        return grid(rect, (r, c) => reportValue(sheet.value(r, c)));
      case 'numberFormat':
        return grid(rect, (r, c) => sheet.numberFormat(r, c) ?? 'General');
      case 'formulas':
        return grid(rect, (r, c) => sheet.formula(r, c) ?? reportValue(sheet.value(r, c)));
      case 'text':
        return grid(rect, (r, c) => String(reportValue(sheet.value(r, c))));
      case 'valueTypes':
        return grid(rect, (r, c) => valueType(sheet, r, c));
      case 'rowHidden': {
        let hidden = 0;
        for (let r = rect.row; r < rect.row + rect.rowCount; r++) if (sheet.hiddenRows.has(r)) hidden++;
        return hidden === 0 ? false : hidden === rect.rowCount ? true : null;
      }
      default:
        throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'Range.load');
    }
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex');
  }
  get cellCount(): number {
    return this.loadedValue('cellCount');
  }
  get text(): string[][] {
    return this.loadedValue('text');
  }
  get valueTypes(): string[][] {
    return this.loadedValue('valueTypes');
  }

  get values(): unknown[][] {
    return this.loadedValue('values');
  }
  set values(input: unknown[][]) {
    this.queue(input, (t) => writeCells(t, input, 'Range.values', false, (r, c, v) => storeInput(t.sheet, r, c, v)));
  }

  get formulas(): unknown[][] {
    return this.loadedValue('formulas');
  }
  set formulas(input: unknown[][]) {
    this.queue(input, (t) => writeCells(t, input, 'Range.formulas', false, (r, c, v) => storeInput(t.sheet, r, c, v)));
  }

  get numberFormat(): string[][] {
    return this.loadedValue('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this.queue(input, (t) =>
      writeCells(t, input, 'Range.numberFormat', true, (r, c, v) => {
        if (v !== null && v !== undefined) t.sheet.setNumberFormat(r, c, String(v));
      }),
    );
  }

  get rowHidden(): boolean | null {
    return this.loadedValue('rowHidden');
  }
  set rowHidden(hidden: boolean) {
    this.queue(hidden, (t) => {
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) {
        if (hidden) t.sheet.hiddenRows.add(r);
        else t.sheet.hiddenRows.delete(r);
      }
    });
  }

  get format(): MemoryRangeFormat {
    return new MemoryRangeFormat(this.ctx, this.child((t) => t));
  }

  getCell(row: number, column: number): MemoryRange {
    return this.derive('Range.getCell', (r) => ({ row: r.row + row, column: r.column + column, rowCount: 1, columnCount: 1 }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): MemoryRange {
    return this.derive('Range.getOffsetRange', (r) => ({ ...r, row: r.row + rowOffset, column: r.column + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): MemoryRange {
    return this.derive('Range.getResizedRange', (r) => ({ ...r, rowCount: r.rowCount + deltaRows, columnCount: r.columnCount + deltaColumns }));
  }

  getRow(row: number): MemoryRange {
    return this.derive('Range.getRow', (r) => ({ ...r, row: r.row + row, rowCount: 1 }));
  }

  getColumn(column: number): MemoryRange {
    return this.derive('Range.getColumn', (r) => ({ ...r, column: r.column + column, columnCount: 1 }));
  }

  getLastRow(): MemoryRange {
    return this.derive('Range.getLastRow', (r) => ({ ...r, row: r.row + r.rowCount - 1, rowCount: 1 }));
  }

  getLastColumn(): MemoryRange {
    return this.derive('Range.getLastColumn', (r) => ({ ...r, column: r.column + r.columnCount - 1, columnCount: 1 }));
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.queue(applyTo, (t) => t.sheet.clear(t.rect, applyTo));
  }

  /** Merges the range (or each of its rows with `across`); only the top-left value survives. */
  merge(across = false): void {
    this.queue(across, (t) => {
      const areas = across ? rowsOf(t.rect) : [t.rect];
      for (const area of areas) {
        for (const other of t.sheet.merged) {
          if (intersects(other, area)) throw new OfficeApiError(ApiErrorCode.invalidOperation, 'Cannot merge cells that overlap another merged area.', 'Range.merge');
        }
        for (let r = area.row; r < area.row + area.rowCount; r++) {
          for (let c = area.column; c < area.column + area.columnCount; c++) {
            if (r !== area.row || c !== area.column) t.sheet.clear({ row: r, column: c, rowCount: 1, columnCount: 1 }, 'Contents');
          }
        }
        t.sheet.merged.push(area);
      }
    });
  }

  select(): void {
    this.queue(null, (t) => {
      this.ctx.model.active = t.sheet;
      this.ctx.model.selection = { sheet: t.sheet, rect: t.rect };
    });
  }

  private derive(where: string, f: (r: CellRect) => CellRect): MemoryRange {
    return new MemoryRange(this.ctx, this.child((t) => ({ sheet: t.sheet, rect: checkRect(f(t.rect), where) })));
  }
}

function grid<V>(rect: CellRect, cell: (r: number, c: number) => V): V[][] {
  const out: V[][] = new Array(rect.rowCount);
  for (let i = 0; i < rect.rowCount; i++) {
    const row: V[] = new Array(rect.columnCount);
    const r = rect.row + i;
    for (let j = 0; j < rect.columnCount; j++) row[j] = cell(r, rect.column + j);
    out[i] = row;
  }
  return out;
}

function valueType(sheet: SheetModel, r: number, c: number): string {
  const v = sheet.value(r, c);
  if (v === undefined) return sheet.formula(r, c) ? 'Double' : 'Empty';
  if (v instanceof ExcelErrorValue) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

/** Checks a 2-D input against the range's shape (1×1 broadcasts where Excel allows it) and writes it. */
function writeCells(t: RangeRef, input: unknown, where: string, broadcast: boolean, put: (r: number, c: number, v: unknown) => void): void {
  const { rect } = t;
  const rows = Array.isArray(input) ? (input as unknown[]) : [[input]];
  const single = rows.length === 1 && Array.isArray(rows[0]) && (rows[0] as unknown[]).length === 1;
  if (broadcast && single) {
    const v = (rows[0] as unknown[])[0];
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.column; c < rect.column + rect.columnCount; c++) put(r, c, v);
    t.sheet.touch();
    return;
  }
  if (rows.length !== rect.rowCount || rows.some((row) => !Array.isArray(row) || row.length !== rect.columnCount)) {
    throw new OfficeApiError(ApiErrorCode.invalidArgument, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", where);
  }
  for (let i = 0; i < rect.rowCount; i++) {
    const row = rows[i] as unknown[];
    for (let j = 0; j < rect.columnCount; j++) put(rect.row + i, rect.column + j, row[j]);
  }
}

function storeInput(sheet: SheetModel, r: number, c: number, input: unknown): void {
  const got = interpretInput(input, sheet.numberFormat(r, c));
  if (got.kind === 'skip') return;
  if (got.kind === 'empty') sheet.setValue(r, c, undefined);
  else if (got.kind === 'formula') sheet.setFormula(r, c, got.formula, 0);
  else sheet.setValue(r, c, got.value);
}

function rowsOf(rect: CellRect): CellRect[] {
  return Array.from({ length: rect.rowCount }, (_, i) => ({ row: rect.row + i, column: rect.column, rowCount: 1, columnCount: rect.columnCount }));
}

export function intersects(a: CellRect, b: CellRect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

/** `Range.format`: column width, autofit, and the font / fill parts SegmentKit sets. */
export class MemoryRangeFormat extends ClientObject<RangeRef> {
  constructor(ctx: ContextCore, resolver: () => RangeRef | null) {
    super(ctx, resolver, false);
  }

  protected scalarProperties(): string[] {
    return ['columnWidth'];
  }

  protected readProperty(t: RangeRef, name: string): unknown {
    if (name !== 'columnWidth') throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'RangeFormat.load');
    const widths = new Set<number>();
    for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++) widths.add(t.sheet.columnWidths.get(c) ?? STANDARD_WIDTH);
    return widths.size === 1 ? [...widths][0] : null;
  }

  get columnWidth(): number | null {
    return this.loadedValue('columnWidth');
  }
  set columnWidth(points: number) {
    this.queue(points, (t) => {
      for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++) t.sheet.columnWidths.set(c, points);
    });
  }

  /** Widths from the longest shown text in each column of the range (about 7 points per character). */
  autofitColumns(): void {
    this.queue(null, (t) => {
      for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++) {
        let longest = 0;
        for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) longest = Math.max(longest, String(reportValue(t.sheet.value(r, c))).length);
        t.sheet.columnWidths.set(c, Math.max(STANDARD_WIDTH, Math.min(255 * 7, longest * 7 + 6)));
      }
    });
  }

  get font(): MemoryStylePart {
    return new MemoryStylePart(this.ctx, this.child((t) => t), 'font');
  }

  get fill(): MemoryStylePart {
    return new MemoryStylePart(this.ctx, this.child((t) => t), 'fill');
  }
}

/** Excel's default column width in points (8.43 characters). */
export const STANDARD_WIDTH = 48;

/** `RangeFont` (bold) and `RangeFill` (color): the two style facts SegmentKit writes. */
export class MemoryStylePart extends ClientObject<RangeRef> {
  private readonly part: 'font' | 'fill';

  constructor(ctx: ContextCore, resolver: () => RangeRef | null, part: 'font' | 'fill') {
    super(ctx, resolver, false);
    this.part = part;
  }

  protected scalarProperties(): string[] {
    return this.part === 'font' ? ['bold'] : ['color'];
  }

  protected readProperty(t: RangeRef, name: string): unknown {
    const key = this.part === 'font' ? 'bold' : 'fill';
    if (name !== (this.part === 'font' ? 'bold' : 'color')) throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'Range.format');
    const seen = new Set<unknown>();
    for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) {
      for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++) seen.add(t.sheet.style(r, c)?.[key] ?? (key === 'bold' ? false : '#FFFFFF'));
    }
    return seen.size === 1 ? [...seen][0] : null;
  }

  get bold(): boolean | null {
    return this.loadedValue('bold');
  }
  set bold(on: boolean) {
    this.apply({ bold: on });
  }

  get color(): string | null {
    return this.loadedValue('color');
  }
  set color(color: string) {
    this.apply(this.part === 'fill' ? { fill: color } : {});
  }

  clear(): void {
    this.apply({ fill: undefined });
  }

  private apply(patch: { bold?: boolean; fill?: string }): void {
    this.queue(patch, (t) => {
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++) t.sheet.setStyle(r, c, patch);
    }, statementBytes(patch));
  }
}
