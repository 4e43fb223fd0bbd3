import { splitSheet, type CellRect } from '../a1Address';
import { ClientCollection, ClientObject, type ContextCore } from './ClientObject';
import { intersects, MemoryRange, rangeOnSheet, type RangeRef } from './MemoryRange';
import { ApiErrorCode, OfficeApiError } from './OfficeApiError';
import { reportValue, type SheetModel } from './SheetModel';
import type { TableModel, WorkbookModel } from './WorkbookModel';

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

function validateTableName(model: WorkbookModel, name: string, self?: TableModel): void {
  if (!TABLE_NAME.test(name) || name.length > 255 || /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[RrCc]$/.test(name)) {
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The table name "${name}" is not valid: use letters, digits, periods and underscores, starting with a letter or underscore.`, 'Table.name');
  }
  const other = model.tableByName(name);
  if (other && other !== self) throw new OfficeApiError(ApiErrorCode.itemAlreadyExists, `A table named "${name}" already exists.`, 'Table.name');
}

function headerNames(table: TableModel): string[] {
  const { sheet, rect } = table;
  return Array.from({ length: rect.columnCount }, (_, j) => String(reportValue(sheet.value(rect.row, rect.column + j))));
}

/** Excel gives blank headers `ColumnN` and makes repeated ones unique with a number suffix. */
function normaliseHeaders(sheet: SheetModel, rect: CellRect): void {
  const seen = new Set<string>();
  for (let j = 0; j < rect.columnCount; j++) {
    let name = String(reportValue(sheet.value(rect.row, rect.column + j))).trim();
    if (name === '') name = `Column${j + 1}`;
    let unique = name;
    for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${name}${k}`;
    seen.add(unique.toLowerCase());
    sheet.setValue(rect.row, rect.column + j, unique);
  }
}

/** `Excel.TableCollection` (workbook-wide when `sheet` is null, else one sheet's tables). */
export class MemoryTableCollection extends ClientCollection<TableModel, MemoryTable> {
  constructor(ctx: ContextCore, sheetResolver: (() => SheetModel | null) | null) {
    super(ctx, () => {
      const sheet = sheetResolver ? sheetResolver() : null;
      return ctx.model.liveTables().filter((t) => sheet === null || t.sheet === sheet);
    }, false);
    this.sheetResolver = sheetResolver;
  }

  private readonly sheetResolver: (() => SheetModel | null) | null;

  protected itemProxy(m: TableModel): MemoryTable {
    return new MemoryTable(this.ctx, () => m);
  }

  protected itemScalars(): string[] {
    return ['id', 'name'];
  }

  add(address: string | MemoryRange, hasHeaders: boolean): MemoryTable {
    let created: TableModel | null = null;
    this.queue(typeof address === 'string' ? address : null, () => {
      const model = this.ctx.model;
      const ref = this.where(address);
      if (!hasHeaders) throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The in-memory workbook only creates tables whose first row is the header row.', 'TableCollection.add');
      for (const t of model.liveTables()) {
        if (t.sheet === ref.sheet && intersects(t.rect, ref.rect)) throw new OfficeApiError(ApiErrorCode.invalidOperation, 'A table cannot overlap another table.', 'TableCollection.add');
      }
      for (const m of ref.sheet.merged) {
        if (intersects(m, ref.rect)) throw new OfficeApiError(ApiErrorCode.invalidOperation, 'A table cannot contain merged cells.', 'TableCollection.add');
      }
      const rect = { ...ref.rect, rowCount: Math.max(2, ref.rect.rowCount) };
      normaliseHeaders(ref.sheet, rect);
      let n = model.tables.length + 1;
      while (model.tableByName(`Table${n}`)) n++;
      created = { id: model.newId('table'), name: `Table${n}`, sheet: ref.sheet, rect, deleted: false };
      model.tables.push(created);
    });
    return new MemoryTable(this.ctx, () => {
      if (!created) throw new OfficeApiError(ApiErrorCode.invalidReference, 'The table was not created.', 'TableCollection.add');
      return created;
    });
  }

  getItem(key: string): MemoryTable {
    return new MemoryTable(this.ctx, () => {
      const t = this.find(key);
      if (!t) throw new OfficeApiError(ApiErrorCode.itemNotFound, `The requested resource doesn't exist: table "${key}".`, 'TableCollection.getItem');
      return t;
    });
  }

  getItemOrNullObject(key: string): MemoryTable {
    return new MemoryTable(this.ctx, () => this.find(key), true);
  }

  private find(key: string): TableModel | null {
    return (this.resolveTarget() ?? []).find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key) ?? null;
  }

  private where(address: string | MemoryRange): RangeRef {
    if (typeof address !== 'string') {
      const ref = address.resolveTarget();
      if (!ref) throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The source range does not exist.', 'TableCollection.add');
      return ref;
    }
    const own = this.sheetResolver ? this.sheetResolver() : null;
    const named = splitSheet(address).sheet;
    const sheet = own ?? (named !== undefined ? this.ctx.model.sheetByName(named) : this.ctx.model.active);
    if (!sheet) throw new OfficeApiError(ApiErrorCode.itemNotFound, `The worksheet in "${address}" doesn't exist.`, 'TableCollection.add');
    return rangeOnSheet(sheet, address);
  }
}

/** `Excel.Table`. */
export class MemoryTable extends ClientObject<TableModel> {
  constructor(ctx: ContextCore, resolver: () => TableModel | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected scalarProperties(): string[] {
    return ['id', 'name'];
  }

  protected readProperty(t: TableModel, name: string): unknown {
    if (name === 'id') return t.id;
    if (name === 'name') return t.name;
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'Table.load');
  }

  get id(): string {
    return this.loadedValue('id');
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.queue(name, (t) => {
      validateTableName(this.ctx.model, name, t);
      t.name = name;
    });
  }

  getRange(): MemoryRange {
    return new MemoryRange(this.ctx, this.child((t) => ({ sheet: t.sheet, rect: t.rect })));
  }

  getHeaderRowRange(): MemoryRange {
    return new MemoryRange(this.ctx, this.child((t) => ({ sheet: t.sheet, rect: { ...t.rect, rowCount: 1 } })));
  }

  getDataBodyRange(): MemoryRange {
    return new MemoryRange(this.ctx, this.child((t) => ({ sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + 1, rowCount: t.rect.rowCount - 1 } })));
  }

  get columns(): MemoryTableColumnCollection {
    return new MemoryTableColumnCollection(this.ctx, this.child((t) => t));
  }

  delete(): void {
    this.queue(null, (t) => (t.deleted = true));
  }
}

interface ColumnRef {
  table: TableModel;
  index: number;
}

/** `Excel.TableColumnCollection`. */
export class MemoryTableColumnCollection extends ClientCollection<ColumnRef, MemoryTableColumn> {
  private readonly tableOf: () => TableModel | null;

  constructor(ctx: ContextCore, tableOf: () => TableModel | null) {
    super(ctx, () => {
      const t = tableOf();
      return t ? Array.from({ length: t.rect.columnCount }, (_, index) => ({ table: t, index })) : [];
    }, false);
    this.tableOf = tableOf;
  }

  protected itemProxy(m: ColumnRef): MemoryTableColumn {
    return new MemoryTableColumn(this.ctx, () => m);
  }

  protected itemScalars(): string[] {
    return ['id', 'index', 'name'];
  }

  /**
   * Appends a column at the table's right edge. Excel shifts cells to the right to make room;
   * the in-memory workbook refuses instead when that column is not empty.
   */
  add(index?: number | null, values?: unknown[][] | null, name?: string): MemoryTableColumn {
    let created: ColumnRef | null = null;
    this.ctx.enqueue(64 + JSON.stringify([index ?? null, values ?? null, name ?? null]).length, () => {
      const t = this.tableOf();
      if (!t) return;
      if (index !== undefined && index !== null && index !== t.rect.columnCount) {
        throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The in-memory workbook only appends table columns at the right edge.', 'TableColumnCollection.add');
      }
      const c = t.rect.column + t.rect.columnCount;
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) {
        if (t.sheet.value(r, c) !== undefined || t.sheet.formula(r, c) !== undefined) {
          throw new OfficeApiError(ApiErrorCode.invalidOperation, 'The column to the right of the table is not empty.', 'TableColumnCollection.add');
        }
      }
      if (values && (values.length !== t.rect.rowCount || values.some((row) => row.length !== 1))) {
        throw new OfficeApiError(ApiErrorCode.invalidArgument, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", 'TableColumnCollection.add');
      }
      const existing = new Set(headerNames(t).map((h) => h.toLowerCase()));
      let header = name ?? (values ? String(values[0]![0] ?? '') : '');
      if (header === '') header = `Column${t.rect.columnCount + 1}`;
      const base = header;
      for (let k = 2; existing.has(header.toLowerCase()); k++) header = `${base}${k}`;
      t.sheet.setValue(t.rect.row, c, header);
      if (values) for (let i = 1; i < values.length; i++) t.sheet.setValue(t.rect.row + i, c, values[i]![0] as string | number | boolean);
      t.rect = { ...t.rect, columnCount: t.rect.columnCount + 1 };
      created = { table: t, index: t.rect.columnCount - 1 };
    });
    return new MemoryTableColumn(this.ctx, () => {
      if (!created) throw new OfficeApiError(ApiErrorCode.invalidReference, 'The table column was not created.', 'TableColumnCollection.add');
      return created;
    });
  }

  getItem(key: string | number): MemoryTableColumn {
    return new MemoryTableColumn(this.ctx, () => {
      const col = this.find(key);
      if (!col) throw new OfficeApiError(ApiErrorCode.itemNotFound, `The requested resource doesn't exist: table column "${key}".`, 'TableColumnCollection.getItem');
      return col;
    });
  }

  getItemOrNullObject(key: string | number): MemoryTableColumn {
    return new MemoryTableColumn(this.ctx, () => this.find(key), true);
  }

  private find(key: string | number): ColumnRef | null {
    const t = this.tableOf();
    if (!t) return null;
    const names = headerNames(t);
    const index = typeof key === 'number' ? key - 1 : names.findIndex((n) => n.toLowerCase() === key.toLowerCase());
    return index >= 0 && index < names.length ? { table: t, index } : null;
  }
}

/** `Excel.TableColumn`. Its id is its 1-based position, as in Excel for a table nobody rearranged. */
export class MemoryTableColumn extends ClientObject<ColumnRef> {
  constructor(ctx: ContextCore, resolver: () => ColumnRef | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected scalarProperties(): string[] {
    return ['id', 'index', 'name'];
  }

  protected readProperty(c: ColumnRef, name: string): unknown {
    if (name === 'id') return c.index + 1;
    if (name === 'index') return c.index;
    if (name === 'name') return headerNames(c.table)[c.index];
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'TableColumn.load');
  }

  get id(): number {
    return this.loadedValue('id');
  }
  get index(): number {
    return this.loadedValue('index');
  }
  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.queue(name, (c) => {
      const others = headerNames(c.table).filter((_, i) => i !== c.index).map((h) => h.toLowerCase());
      if (name.trim() === '' || others.includes(name.toLowerCase())) {
        throw new OfficeApiError(ApiErrorCode.invalidArgument, `The table column name "${name}" is blank or already used.`, 'TableColumn.name');
      }
      c.table.sheet.setValue(c.table.rect.row, c.table.rect.column + c.index, name);
    });
  }

  getDataBodyRange(): MemoryRange {
    return new MemoryRange(this.ctx, this.child((c) => ({ sheet: c.table.sheet, rect: { row: c.table.rect.row + 1, column: c.table.rect.column + c.index, rowCount: c.table.rect.rowCount - 1, columnCount: 1 } })));
  }

  getHeaderRowRange(): MemoryRange {
    return new MemoryRange(this.ctx, this.child((c) => ({ sheet: c.table.sheet, rect: { row: c.table.rect.row, column: c.table.rect.column + c.index, rowCount: 1, columnCount: 1 } })));
  }

  getRange(): MemoryRange {
    return new MemoryRange(this.ctx, this.child((c) => ({ sheet: c.table.sheet, rect: { row: c.table.rect.row, column: c.table.rect.column + c.index, rowCount: c.table.rect.rowCount, columnCount: 1 } })));
  }
}
