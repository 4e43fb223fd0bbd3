import type { Recipe } from '../core/recipe/Recipe';
import type { OutputColumn, OutputSheet } from '../core/results/Outputs';
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

/** One chunk of a sheet's rows as the UI thread read it, handed over while the next is read. */
export interface SheetRows {
  sheet: string;
  kind: SheetKind;
  /** True for the sheet's first chunk: rows received for it before are dropped. */
  first: boolean;
  values: unknown[][];
  numberFormats: string[][];
  /** 1-based sheet row of values[0]. */
  startRow: number;
  /** 0-based sheet column of values[0][0]. */
  startColumn: number;
}

/** What the engine hands the adapter to write: plain data, already laid out. */
export interface WritePlan {
  /** The sheet whose rows get the segment columns: the customers sheet, else the orders sheet. */
  sheet: string;
  /** One value per customer. */
  columns: OutputColumn[];
  /** Data row i of `sheet` (0-based, below the header) takes customer rowMap[i]; -1 = none. */
  rowMap: Int32Array;
  sheets: OutputSheet[];
  /** Customers per segment of the first model, with its value, as a PivotTable. */
  pivot?: { rows: string; measures: string[] };
}

/** The engine's surface as the worker exposes it (every method may be awaited across threads). */
export interface EngineApi {
  /** Parses the chosen sheets, detects roles and shape, and checks data quality. */
  load(sheets: SheetValues[], sources: DataSources, today: number): Promise<Detection>;
  /** Keeps one chunk of a sheet's rows for `loadReceived`. */
  receiveRows(rows: SheetRows): void;
  /** `load` over the sheets received chunk by chunk; the received rows are then let go. */
  loadReceived(sources: DataSources, today: number): Promise<Detection>;
  run(recipe: NotebookRecipe, onProgress: (p: RunProgress) => void): Promise<RunOutcome>;
  /** Asks a running `run` to stop at its next step boundary (the run that was started last). */
  cancel(): void;
  drillDown(query: DrillDownQuery): DrillDownPage;
  writePlan(recipe: NotebookRecipe): WritePlan;
  /** The core recipe of the last run with fitted parameters, or null before a run. */
  fittedRecipe(): Recipe | null;
}
