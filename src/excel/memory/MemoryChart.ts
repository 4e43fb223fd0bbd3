import { formatRect } from '../a1Address';
import { ClientCollection, ClientObject, type ContextCore } from './ClientObject';
import type { MemoryRange } from './MemoryRange';
import { ApiErrorCode, OfficeApiError } from './OfficeApiError';
import type { SheetModel } from './SheetModel';
import type { ChartModel, RangeLink, SeriesModel } from './WorkbookModel';

const CHART_TYPES = new Set(['ColumnClustered', 'BarClustered', 'Line', 'LineMarkers', 'XYScatter', 'XYScatterLines', 'Pie', 'Area']);

function linkOf(range: MemoryRange, where: string): RangeLink {
  const ref = range.resolveTarget();
  if (!ref) throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The source range does not exist.', where);
  return { sheet: ref.sheet, rect: ref.rect };
}

/**
 * `Excel.ChartCollection` of one sheet. The in-memory workbook records what was asked for
 * (type, source, series, title, position) and draws nothing; one series per source column.
 */
export class MemoryChartCollection extends ClientCollection<ChartModel, MemoryChart> {
  private readonly sheetOf: () => SheetModel | null;

  constructor(ctx: ContextCore, sheetOf: () => SheetModel | null) {
    super(ctx, () => {
      const s = sheetOf();
      return ctx.model.charts.filter((c) => !c.deleted && c.sheet === s);
    }, false);
    this.sheetOf = sheetOf;
  }

  protected itemProxy(m: ChartModel): MemoryChart {
    return new MemoryChart(this.ctx, () => m);
  }

  protected itemScalars(): string[] {
    return ['id', 'name'];
  }

  add(type: string, sourceData: MemoryRange, seriesBy: string = 'Auto'): MemoryChart {
    let created: ChartModel | null = null;
    this.ctx.enqueue(64 + type.length + seriesBy.length, () => {
      const sheet = this.sheetOf();
      if (!sheet) return;
      if (!CHART_TYPES.has(type)) throw new OfficeApiError(ApiErrorCode.invalidArgument, `The chart type "${type}" is not supported by the in-memory workbook.`, 'ChartCollection.add');
      const ref = sourceData.resolveTarget();
      if (!ref) throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The source range does not exist.', 'ChartCollection.add');
      const byRows = seriesBy === 'Rows';
      const count = byRows ? ref.rect.rowCount : ref.rect.columnCount;
      const series: SeriesModel[] = Array.from({ length: count }, (_, i) => ({
        name: `Series${i + 1}`,
        values: { sheet: ref.sheet, rect: byRows ? { ...ref.rect, row: ref.rect.row + i, rowCount: 1 } : { ...ref.rect, column: ref.rect.column + i, columnCount: 1 } },
      }));
      const model = this.ctx.model;
      created = { id: model.newId('chart'), name: `Chart ${model.charts.length + 1}`, type, sheet, source: { sheet: ref.sheet, rect: ref.rect }, seriesBy, title: '', series, deleted: false };
      model.charts.push(created);
    });
    return new MemoryChart(this.ctx, () => {
      if (!created) throw new OfficeApiError(ApiErrorCode.invalidReference, 'The chart was not created.', 'ChartCollection.add');
      return created;
    });
  }

  getItemOrNullObject(name: string): MemoryChart {
    return new MemoryChart(this.ctx, () => (this.resolveTarget() ?? []).find((c) => c.name === name) ?? null, true);
  }
}

/** `Excel.Chart`. */
export class MemoryChart extends ClientObject<ChartModel> {
  constructor(ctx: ContextCore, resolver: () => ChartModel | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected scalarProperties(): string[] {
    return ['id', 'name'];
  }

  protected readProperty(c: ChartModel, name: string): unknown {
    if (name === 'id') return c.id;
    if (name === 'name') return c.name;
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'Chart.load');
  }

  get id(): string {
    return this.loadedValue('id');
  }
  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.queue(name, (c) => (c.name = name));
  }

  get title(): { text: string } {
    const queue = (text: string): void => this.queue(text, (c) => (c.title = text));
    return {
      get text(): string {
        throw new OfficeApiError(ApiErrorCode.propertyNotLoaded, "The property 'text' is not available in the in-memory workbook; it is write-only here.");
      },
      set text(text: string) {
        queue(text);
      },
    };
  }

  setPosition(startCell: MemoryRange | string, endCell?: MemoryRange | string): void {
    this.queue(null, (c) => {
      const a = typeof startCell === 'string' ? startCell : formatRect(linkOf(startCell, 'Chart.setPosition').rect);
      const b = endCell === undefined ? '' : typeof endCell === 'string' ? endCell : formatRect(linkOf(endCell, 'Chart.setPosition').rect);
      c.position = b ? `${a}:${b}` : a;
    });
  }

  get series(): { getItemAt(i: number): MemoryChartSeries; add(name?: string): MemoryChartSeries } {
    return {
      getItemAt: (i: number) =>
        new MemoryChartSeries(this.ctx, this.child((c) => {
          const s = c.series[i];
          if (!s) throw new OfficeApiError(ApiErrorCode.itemNotFound, `The chart has no series ${i}.`, 'ChartSeriesCollection.getItemAt');
          return s;
        })),
      add: (name?: string) => {
        let created: SeriesModel | null = null;
        this.queue(name ?? null, (c) => {
          created = { name: name ?? `Series${c.series.length + 1}` };
          c.series.push(created);
        });
        return new MemoryChartSeries(this.ctx, () => created);
      },
    };
  }

  delete(): void {
    this.queue(null, (c) => (c.deleted = true));
  }
}

/** `Excel.ChartSeries`: name, values and category (x-axis) ranges. */
export class MemoryChartSeries extends ClientObject<SeriesModel> {
  constructor(ctx: ContextCore, resolver: () => SeriesModel | null) {
    super(ctx, resolver, false);
  }

  protected scalarProperties(): string[] {
    return ['name'];
  }

  protected readProperty(s: SeriesModel, name: string): unknown {
    if (name === 'name') return s.name;
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'ChartSeries.load');
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.queue(name, (s) => (s.name = name));
  }

  setValues(source: MemoryRange): void {
    this.queue(null, (s) => (s.values = linkOf(source, 'ChartSeries.setValues')));
  }

  setXAxisValues(source: MemoryRange): void {
    this.queue(null, (s) => (s.xValues = linkOf(source, 'ChartSeries.setXAxisValues')));
  }
}
