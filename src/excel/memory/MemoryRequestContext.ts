import type { ClientObject, ContextCore } from './ClientObject';
import { MemoryCustomXmlPartCollection } from './MemoryCustomXmlPart';
import { MemoryPivotTableCollection } from './MemoryPivotTable';
import { MemoryRange } from './MemoryRange';
import { MemorySettingCollection } from './MemorySetting';
import { MemoryTableCollection } from './MemoryTable';
import { MemoryWorksheetCollection } from './MemoryWorksheet';
import { ApiErrorCode, OfficeApiError } from './OfficeApiError';
import type { Operation, WorkbookModel } from './WorkbookModel';

/** `Excel.Workbook` as the context hands it out. */
export class MemoryWorkbookApi {
  private readonly ctx: ContextCore;

  constructor(ctx: ContextCore) {
    this.ctx = ctx;
  }

  get worksheets(): MemoryWorksheetCollection {
    return new MemoryWorksheetCollection(this.ctx);
  }

  get tables(): MemoryTableCollection {
    return new MemoryTableCollection(this.ctx, null);
  }

  get pivotTables(): MemoryPivotTableCollection {
    return new MemoryPivotTableCollection(this.ctx, null);
  }

  get settings(): MemorySettingCollection {
    return new MemorySettingCollection(this.ctx);
  }

  get customXmlParts(): MemoryCustomXmlPartCollection {
    return new MemoryCustomXmlPartCollection(this.ctx);
  }

  /** The selection, or the active cell A1 of the active sheet when nothing was selected. */
  getSelectedRange(): MemoryRange {
    return new MemoryRange(this.ctx, () => {
      const model = this.ctx.model;
      if (model.selection && !model.selection.sheet.deleted) return model.selection;
      if (!model.active) throw new OfficeApiError(ApiErrorCode.invalidSelection, 'Nothing is selected.', 'Workbook.getSelectedRange');
      return { sheet: model.active, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
  }
}

/**
 * `Excel.RequestContext`: statements queue up and run, in order, only on `sync()`, which is
 * when the workbook counts the request and checks Excel's payload limits.
 */
export class MemoryRequestContext implements ContextCore {
  readonly model: WorkbookModel;
  readonly workbook: MemoryWorkbookApi;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private ops: Operation[] = [];
  private nullables: ClientObject<unknown>[] = [];

  constructor(model: WorkbookModel) {
    this.model = model;
    this.workbook = new MemoryWorkbookApi(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.enqueue(48, (batch) => (batch.calculationSuspended = true)),
    };
  }

  enqueue(bytes: number, run: Operation['run']): void {
    this.ops.push({ bytes, run });
  }

  registerNullable(obj: ClientObject<unknown>): void {
    this.nullables.push(obj);
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    const nullables = this.nullables;
    this.ops = [];
    this.nullables = [];
    // A real sync is a round trip: the request leaves in one event-loop task, the host works on
    // it elsewhere, and the answer arrives as a task of its own. A microtask here would let a
    // chunked read or write run as one long task; running the batch in the caller's next task
    // would add the host's work to the caller's. So: execute in one task, settle in the next.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    try {
      this.model.execute(ops);
      for (const n of nullables) n.settleNullState();
    } finally {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }
}
