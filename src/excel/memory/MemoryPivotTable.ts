import { splitSheet } from '../a1Address';
import { ClientCollection, ClientObject, type ContextCore } from './ClientObject';
import { MemoryRange, rangeOnSheet, type RangeRef } from './MemoryRange';
import { MemoryTable } from './MemoryTable';
import { ApiErrorCode, OfficeApiError } from './OfficeApiError';
import { reportValue, type SheetModel } from './SheetModel';
import type { PivotModel } from './WorkbookModel';

type DataField = PivotModel['data'][number];

/**
 * `Excel.PivotTableCollection` (ExcelApi 1.8). The in-memory workbook checks names, source
 * headers and the requirement set, records rows and data fields, and lays out no cells.
 */
export class MemoryPivotTableCollection extends ClientCollection<PivotModel, MemoryPivotTable> {
  constructor(ctx: ContextCore, sheetOf: (() => SheetModel | null) | null) {
    super(ctx, () => {
      const s = sheetOf ? sheetOf() : null;
      return ctx.model.pivots.filter((p) => !p.deleted && (s === null || p.sheet === s));
    }, false);
  }

  protected itemProxy(m: PivotModel): MemoryPivotTable {
    return new MemoryPivotTable(this.ctx, () => m);
  }

  protected itemScalars(): string[] {
    return ['id', 'name'];
  }

  add(name: string, source: MemoryRange | MemoryTable | string, destination: MemoryRange | string): MemoryPivotTable {
    let created: PivotModel | null = null;
    this.ctx.enqueue(64 + name.length, () => {
      const model = this.ctx.model;
      if (!model.supports('1.8')) throw new OfficeApiError(ApiErrorCode.apiNotFound, 'PivotTableCollection.add needs ExcelApi 1.8, which this host does not support.', 'PivotTableCollection.add');
      if (model.pivots.some((p) => !p.deleted && p.name.toLowerCase() === name.toLowerCase())) {
        throw new OfficeApiError(ApiErrorCode.itemAlreadyExists, `A PivotTable named "${name}" already exists.`, 'PivotTableCollection.add');
      }
      const src = this.refOf(source);
      const dest = this.refOf(destination);
      const headers = Array.from({ length: src.rect.columnCount }, (_, j) => String(reportValue(src.sheet.value(src.rect.row, src.rect.column + j))));
      if (headers.some((h) => h === '')) throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The PivotTable field name is not valid: every source column needs a header.', 'PivotTableCollection.add');
      created = { id: model.newId('pivot'), name, sheet: dest.sheet, source: src, sourceHeaders: headers, destination: dest, rows: [], data: [], deleted: false };
      model.pivots.push(created);
    });
    return new MemoryPivotTable(this.ctx, () => {
      if (!created) throw new OfficeApiError(ApiErrorCode.invalidReference, 'The PivotTable was not created.', 'PivotTableCollection.add');
      return created;
    });
  }

  getItemOrNullObject(name: string): MemoryPivotTable {
    return new MemoryPivotTable(this.ctx, () => (this.resolveTarget() ?? []).find((p) => p.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }

  private refOf(x: MemoryRange | MemoryTable | string): RangeRef {
    if (typeof x === 'string') {
      const named = splitSheet(x).sheet;
      const sheet = named !== undefined ? this.ctx.model.sheetByName(named) : this.ctx.model.active;
      if (!sheet) throw new OfficeApiError(ApiErrorCode.itemNotFound, `The worksheet in "${x}" doesn't exist.`, 'PivotTableCollection.add');
      return rangeOnSheet(sheet, x);
    }
    if (x instanceof MemoryTable) {
      const t = x.resolveTarget();
      if (!t) throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The source table does not exist.', 'PivotTableCollection.add');
      return { sheet: t.sheet, rect: t.rect };
    }
    const ref = x.resolveTarget();
    if (!ref) throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The range does not exist.', 'PivotTableCollection.add');
    return ref;
  }
}

/** A field of the PivotTable's source, as `hierarchies.getItem(name)` returns it. */
export interface MemoryPivotHierarchy {
  readonly pivotField: string;
}

/** `Excel.PivotTable`. */
export class MemoryPivotTable extends ClientObject<PivotModel> {
  constructor(ctx: ContextCore, resolver: () => PivotModel | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected scalarProperties(): string[] {
    return ['id', 'name'];
  }

  protected readProperty(p: PivotModel, name: string): unknown {
    if (name === 'id') return p.id;
    if (name === 'name') return p.name;
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'PivotTable.load');
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.queue(name, (p) => {
      if (this.ctx.model.pivots.some((o) => o !== p && !o.deleted && o.name.toLowerCase() === name.toLowerCase())) {
        throw new OfficeApiError(ApiErrorCode.itemAlreadyExists, `A PivotTable named "${name}" already exists.`, 'PivotTable.name');
      }
      p.name = name;
    });
  }

  get hierarchies(): { getItem(name: string): MemoryPivotHierarchy } {
    return { getItem: (name: string) => ({ pivotField: name }) };
  }

  get rowHierarchies(): { add(h: MemoryPivotHierarchy): void } {
    return {
      add: (h: MemoryPivotHierarchy) =>
        this.queue(h.pivotField, (p) => {
          this.checkField(p, h.pivotField);
          p.rows.push(h.pivotField);
        }),
    };
  }

  get dataHierarchies(): { add(h: MemoryPivotHierarchy): MemoryDataHierarchy } {
    return {
      add: (h: MemoryPivotHierarchy) => {
        let field: DataField | null = null;
        this.queue(h.pivotField, (p) => {
          this.checkField(p, h.pivotField);
          field = { name: `Sum of ${h.pivotField}`, field: h.pivotField, summarizeBy: 'Sum' };
          p.data.push(field);
        });
        return new MemoryDataHierarchy(this.ctx, () => field);
      },
    };
  }

  delete(): void {
    this.queue(null, (p) => (p.deleted = true));
  }

  private checkField(p: PivotModel, field: string): void {
    if (!p.sourceHeaders.some((h) => h.toLowerCase() === field.toLowerCase())) {
      throw new OfficeApiError(ApiErrorCode.itemNotFound, `The PivotTable source has no field "${field}".`, 'PivotHierarchyCollection.getItem');
    }
  }
}

/** `Excel.DataPivotHierarchy`: how a measure is summarised and shown. */
export class MemoryDataHierarchy extends ClientObject<DataField> {
  constructor(ctx: ContextCore, resolver: () => DataField | null) {
    super(ctx, resolver, false);
  }

  protected scalarProperties(): string[] {
    return ['name', 'summarizeBy', 'numberFormat'];
  }

  protected readProperty(d: DataField, name: string): unknown {
    return (d as unknown as Record<string, unknown>)[name];
  }

  set name(v: string) {
    this.queue(v, (d) => (d.name = v));
  }
  set summarizeBy(v: string) {
    this.queue(v, (d) => (d.summarizeBy = v));
  }
  set numberFormat(v: string) {
    this.queue(v, (d) => (d.numberFormat = v));
  }
}
