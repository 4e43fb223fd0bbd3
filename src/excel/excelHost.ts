import { SegmentKitError } from '../core/errors/SegmentKitError';

/**
 * The global `Excel` namespace: the real one inside Office, or the in-memory workbook installed
 * by `installMemoryExcel` in tests and the playground. Looked up per call so either can be
 * installed after this module loads.
 */
export function excelApi(): typeof Excel {
  const g = globalThis as { Excel?: typeof Excel };
  if (!g.Excel || typeof g.Excel.run !== 'function') {
    throw new SegmentKitError('E_EXCEL_UNAVAILABLE', 'Excel is not available here', {
      hint: 'Open SegmentKit inside Excel, or use the playground, which provides an in-memory workbook.',
    });
  }
  return g.Excel;
}

/** Whether the host supports `ExcelApi` at `version` (PivotTables need 1.8). */
export function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(n: string, v?: string): boolean } } } }).Office;
  return office?.context?.requirements?.isSetSupported('ExcelApi', version) ?? false;
}

/** The Office error code of a thrown API error, or '' for anything else. */
export function apiErrorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}
