import { ClientCollection, ClientObject, type ContextCore } from './ClientObject';
import { MemoryChartCollection } from './MemoryChart';
import { MemoryPivotTableCollection } from './MemoryPivotTable';
import { checkRect, MemoryRange, rangeOnSheet } from './MemoryRange';
import { MemoryTableCollection } from './MemoryTable';
import { ApiErrorCode, OfficeApiError } from './OfficeApiError';
import type { SheetModel, SheetVisibility } from './SheetModel';

/** `Excel.Worksheet` over the in-memory workbook. */
export class MemoryWorksheet extends ClientObject<SheetModel> {
  constructor(ctx: ContextCore, resolver: () => SheetModel | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected scalarProperties(): string[] {
    return ['id', 'name', 'position', 'visibility'];
  }

  protected readProperty(s: SheetModel, name: string): unknown {
    switch (name) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return this.ctx.model.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      default:
        throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'Worksheet.load');
    }
  }

  get id(): string {
    return this.loadedValue('id');
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.queue(name, (s) => this.ctx.model.renameSheet(s, name));
  }

  get position(): number {
    return this.loadedValue('position');
  }
  set position(position: number) {
    this.queue(position, (s) => {
      const sheets = this.ctx.model.sheets;
      if (!Number.isInteger(position) || position < 0 || position >= sheets.length) {
        throw new OfficeApiError(ApiErrorCode.invalidArgument, `The position ${position} is outside the workbook's sheets.`, 'Worksheet.position');
      }
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(position, 0, s);
    });
  }

  get visibility(): SheetVisibility {
    return this.loadedValue('visibility');
  }
  set visibility(v: SheetVisibility) {
    this.queue(v, (s) => {
      if (v !== 'Visible' && this.ctx.model.liveSheets().filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw new OfficeApiError(ApiErrorCode.invalidOperation, 'A workbook must contain at least one visible worksheet.', 'Worksheet.visibility');
      }
      s.visibility = v;
    });
  }

  activate(): void {
    this.queue(null, (s) => {
      if (s.visibility !== 'Visible') throw new OfficeApiError(ApiErrorCode.invalidOperation, 'A hidden worksheet cannot be activated.', 'Worksheet.activate');
      this.ctx.model.active = s;
    });
  }

  delete(): void {
    this.queue(null, (s) => this.ctx.model.deleteSheet(s));
  }

  getRange(address?: string): MemoryRange {
    return new MemoryRange(this.ctx, this.child((s) => (address === undefined ? { sheet: s, rect: { row: 0, column: 0, rowCount: 1_048_576, columnCount: 16_384 } } : rangeOnSheet(s, address))));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): MemoryRange {
    return new MemoryRange(this.ctx, this.child((s) => ({ sheet: s, rect: checkRect({ row: startRow, column: startColumn, rowCount, columnCount }, 'Worksheet.getRangeByIndexes') })));
  }

  getCell(row: number, column: number): MemoryRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** Like Excel: an empty sheet's used range is A1. */
  getUsedRange(valuesOnly = false): MemoryRange {
    return new MemoryRange(this.ctx, this.child((s) => ({ sheet: s, rect: s.usedRect(valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } })));
  }

  getUsedRangeOrNullObject(valuesOnly = false): MemoryRange {
    return new MemoryRange(this.ctx, this.child((s) => {
      const rect = s.usedRect(valuesOnly);
      return rect ? { sheet: s, rect } : null;
    }), true);
  }

  get freezePanes(): { freezeRows(count?: number): void; unfreeze(): void } {
    return {
      freezeRows: (count = 1) => this.queue(count, (s) => (s.frozenRows = count)),
      unfreeze: () => this.queue(null, (s) => (s.frozenRows = 0)),
    };
  }

  get tables(): MemoryTableCollection {
    return new MemoryTableCollection(this.ctx, this.child((s) => s));
  }

  get charts(): MemoryChartCollection {
    return new MemoryChartCollection(this.ctx, this.child((s) => s));
  }

  get pivotTables(): MemoryPivotTableCollection {
    return new MemoryPivotTableCollection(this.ctx, this.child((s) => s));
  }
}

/** `Excel.WorksheetCollection`. */
export class MemoryWorksheetCollection extends ClientCollection<SheetModel, MemoryWorksheet> {
  constructor(ctx: ContextCore) {
    super(ctx, () => ctx.model.liveSheets(), false);
  }

  protected itemProxy(m: SheetModel): MemoryWorksheet {
    return new MemoryWorksheet(this.ctx, () => m);
  }

  protected itemScalars(): string[] {
    return ['id', 'name', 'position', 'visibility'];
  }

  add(name?: string): MemoryWorksheet {
    let created: SheetModel | null = null;
    this.queue(name ?? null, () => {
      created = this.ctx.model.addSheet(name);
    });
    return new MemoryWorksheet(this.ctx, () => {
      if (!created) throw new OfficeApiError(ApiErrorCode.invalidReference, 'The worksheet was not created.', 'WorksheetCollection.add');
      return created;
    });
  }

  getItem(key: string): MemoryWorksheet {
    return new MemoryWorksheet(this.ctx, () => {
      const s = this.find(key);
      if (!s) throw new OfficeApiError(ApiErrorCode.itemNotFound, `The requested resource doesn't exist: worksheet "${key}".`, 'WorksheetCollection.getItem');
      return s;
    });
  }

  getItemOrNullObject(key: string): MemoryWorksheet {
    return new MemoryWorksheet(this.ctx, () => this.find(key) ?? null, true);
  }

  getActiveWorksheet(): MemoryWorksheet {
    return new MemoryWorksheet(this.ctx, () => {
      const s = this.ctx.model.active;
      if (!s) throw new OfficeApiError(ApiErrorCode.itemNotFound, 'The workbook has no active worksheet.', 'WorksheetCollection.getActiveWorksheet');
      return s;
    });
  }

  private find(key: string): SheetModel | null {
    return this.ctx.model.sheetByName(key) ?? this.ctx.model.liveSheets().find((s) => s.id === key) ?? null;
  }
}
