import { MemoryRequestContext } from './MemoryRequestContext';
import type { MemoryWorkbook } from './MemoryWorkbook';
import { compareVersions } from './WorkbookModel';

/** `Office.context.requirements`, injectable so tests can play an older host. */
export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface MemoryExcel {
  run<T>(batch: (context: MemoryRequestContext) => Promise<T>): Promise<T>;
  RequestContext: new () => MemoryRequestContext;
  requirements: RequirementsLike;
  /** Puts back whatever `Excel` / `Office` globals were there before. */
  uninstall(): void;
}

/**
 * Installs the in-memory workbook as the global `Excel` (and `Office.context.requirements`), so
 * the adapter's unmodified `Excel.run` code runs against it in jest and in the browser
 * playground. Requirement sets default to what the workbook's `apiVersion` says.
 *
 * @example
 * const wb = new MemoryWorkbook().addSheet('Sheet1', [['a'], [1]]);
 * const excel = installMemoryExcel(wb);
 * await excel.run(async (ctx) => { ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values'); await ctx.sync(); });
 * excel.uninstall();
 */
export function installMemoryExcel(workbook: MemoryWorkbook, options: { requirements?: RequirementsLike } = {}): MemoryExcel {
  const model = workbook.model;
  const requirements: RequirementsLike = options.requirements ?? {
    isSetSupported: (name, minVersion = '1.1') => name === 'ExcelApi' && compareVersions(model.apiVersion, minVersion) >= 0,
  };
  const g = globalThis as { Excel?: unknown; Office?: unknown };
  const previous = { Excel: g.Excel, Office: g.Office, had: { Excel: 'Excel' in g, Office: 'Office' in g } };
  const excel: MemoryExcel = {
    async run<T>(batch: (context: MemoryRequestContext) => Promise<T>): Promise<T> {
      const context = new MemoryRequestContext(model);
      const result = await batch(context);
      await context.sync();
      return result;
    },
    RequestContext: class extends MemoryRequestContext {
      constructor() {
        super(model);
      }
    },
    requirements,
    uninstall(): void {
      if (previous.had.Excel) g.Excel = previous.Excel;
      else delete g.Excel;
      if (previous.had.Office) g.Office = previous.Office;
      else delete g.Office;
    },
  };
  g.Excel = excel;
  const office = (previous.Office ?? {}) as { context?: Record<string, unknown> };
  g.Office = { ...office, context: { ...(office.context ?? {}), requirements } };
  return excel;
}
