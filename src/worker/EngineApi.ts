import type { CellValue, OutputColumn, OutputSheet } from '../core/results/Outputs';
import type { DataSources, Detection, DrillDownPage, DrillDownQuery, NotebookRecipe, RunOutcome, RunProgress, SheetKind } from '../taskpane/services/SegmentKitServices';

/** A sheet's used range as Excel hands it over (`range.values`, `range.numberFormat`). */
export interface SheetValues {
  sheet: string;
  kind: SheetKind;
  values: unknown[][];
  numberFormats?: string[][];
  /** 1-based sheet row of values[0]. */
  startRow: number;
  /** 0-based sheet column of values[0][0]. */
  startColumn: number;
}

/** Columns to add next to one sheet's data, one value per data row of that sheet. */
export interface ColumnsForSheet {
  sheet: string;
  /** 1-based sheet row of the header row the new headers go into. */
  headerRow: number;
  /** 0-based sheet column where the first new column goes (right of the used range). */
  firstColumn: number;
  columns: OutputColumn[];
}

/** What the engine hands the adapter to write: plain data, already laid out. */
export interface WritePlan {
  columns: ColumnsForSheet[];
  sheets: OutputSheet[];
}

/** The engine's surface as the worker exposes it (every method may be awaited across threads). */
export interface EngineApi {
  /** Parses the chosen sheets, detects roles and shape, and checks data quality. */
  load(sheets: SheetValues[], sources: DataSources, today: number): Promise<Detection>;
  run(recipe: NotebookRecipe, onProgress: (p: RunProgress) => void): Promise<RunOutcome>;
  /** Asks a running `run` to stop at its next step boundary. */
  cancel(): void;
  drillDown(query: DrillDownQuery): DrillDownPage;
  writePlan(recipe: NotebookRecipe): WritePlan;
}

export type { CellValue };
