import { dataQualityReport } from '../core/dataQuality/dataQualityReport';
import { detectRoles } from '../core/ingest/detectRoles';
import { detectShape } from '../core/ingest/detectShape';
import type { RoleGuess } from '../core/ingest/detectRoles';
import type { ParsedTable } from '../core/ingest/ParsedTable';
import type { RoleMap } from '../core/roles/Role';
import type { SheetDetection } from '../taskpane/services/SegmentKitServices';
import type { SheetValues } from './EngineApi';

/** Where a sheet's rows came from, without the rows: they live on as the parsed table's columns. */
export interface SheetSource extends Omit<SheetValues, 'values' | 'numberFormats'> {
  /** Rows of the block read, blank and header rows included. */
  rowCount: number;
}

export interface LoadedSheet {
  source: SheetSource;
  parsed: ParsedTable;
  guesses: RoleGuess[];
  detection: SheetDetection;
}

/** A cell address the UI can select, e.g. `Orders!D17`; row-only examples have none. */
const CELL = /^[^!]+![A-Z]{1,3}\d+$/;

/**
 * Guesses a parsed sheet's column roles and shape, and reports its data problems.
 *
 * @example
 * detectSheet(source, tableFromValues(values, { sheet: 'Orders' }), today).detection.shape; // 'transactions'
 */
export function detectSheet(source: SheetSource, parsed: ParsedTable, today: number): LoadedSheet {
  const guesses = detectRoles(parsed);
  const shape = detectShape(parsed, guesses);
  const roles: RoleMap = {};
  for (const g of guesses) roles[g.role] = g.column;
  const report = dataQualityReport({
    table: parsed.table,
    roles,
    shape,
    source: source.sheet,
    today,
    sourceRowOf: (i) => parsed.sourceRowOf(i),
    unparsable: parsed.columns.filter((c) => c.unparsable > 0).map((c) => ({ column: c.name, count: c.unparsable, cells: c.firstBadCells })),
  });
  const byColumn = new Map(guesses.map((g) => [g.column, g]));
  return {
    source,
    parsed,
    guesses,
    detection: {
      sheet: source.sheet,
      kind: source.kind,
      shape,
      rowCount: parsed.table.rowCount,
      columns: parsed.table.columns.map((c) => c.name),
      roles: parsed.table.columns.map((c) => {
        const g = byColumn.get(c.name);
        return g ? { column: c.name, role: g.role, confidence: g.confidence, reason: g.reason } : { column: c.name, role: null, confidence: 0, reason: '' };
      }),
      findings: report.findings.map((f) => ({ code: f.code, message: f.message, count: f.count, cells: f.examples.filter((e) => CELL.test(e)) })),
    },
  };
}
