import type { Result } from '../../core/errors/Result';
import type { Role } from '../../core/roles/Role';
import type { CellValue } from '../../core/results/Outputs';

/** A worksheet as the Data cell lists it. */
export interface SheetInfo {
  name: string;
  rowCount: number;
  columnCount: number;
  active: boolean;
}

/** What a sheet plays in the segmentation. */
export type SheetKind = 'customers' | 'orders' | 'tickets';
export const SHEET_KINDS: readonly SheetKind[] = ['customers', 'orders', 'tickets'];

/** Which sheet plays which part; at least customers or orders must be set. */
export type DataSources = Partial<Record<SheetKind, string>>;

/** First rows of a sheet, already formatted as the user sees them. */
export interface SheetPreview {
  sheet: string;
  headers: string[];
  rows: string[][];
  rowCount: number;
}

/** One detected (or user-chosen) role of one column. */
export interface ColumnRole {
  column: string;
  role: Role | null;
  /** 0..1; 1 for a role the user chose. */
  confidence: number;
  reason: string;
}

export interface DataFinding {
  code: string;
  message: string;
  count: number;
  /** A1 addresses (`Orders!D17`) the UI can select. */
  cells: string[];
}

export interface SheetDetection {
  sheet: string;
  kind: SheetKind;
  shape: 'transactions' | 'customers';
  rowCount: number;
  columns: string[];
  roles: ColumnRole[];
  findings: DataFinding[];
}

export interface Detection {
  sheets: SheetDetection[];
}

/** Model kinds the notebook offers, in the order it shows them. */
export const MODEL_KINDS = ['rfm', 'value', 'clv', 'lifecycle', 'kmeans', 'demographic', 'technographic', 'rules'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export interface ModelStep {
  id: string;
  kind: ModelKind;
  enabled: boolean;
  settings: Record<string, unknown>;
}

export interface PlaybookEntry {
  segment: string;
  channel: string;
  tone: string;
  priority: string;
  queue: string;
  resources: string;
}

export interface OutputChoice {
  columns: boolean;
  summarySheets: boolean;
  pivotTable: boolean;
  charts: boolean;
  playbook: boolean;
}

/** The notebook as saved into the workbook: every cell's settings, nothing computed. */
export interface NotebookRecipe {
  version: 1;
  name: string;
  sources: DataSources;
  /** Column → role per sheet, as confirmed in the Columns cell. */
  roles: Record<string, Partial<Record<Role, string>>>;
  models: ModelStep[];
  /** Edited playbooks per model id. */
  playbooks: Record<string, PlaybookEntry[]>;
  outputs: OutputChoice;
}

export interface RunProgress {
  /** 0..100 */
  percent: number;
  /** Stable step key (translated by the UI), e.g. `read`, `aggregate`, `model:rfm`. */
  step: string;
}

export interface SegmentSummary {
  index: number;
  name: string;
  size: number;
  share: number;
  value: number;
  valueShare: number;
  traits: string[];
}

export type QualityCriterion = 'measurable' | 'substantial' | 'differentiable' | 'accessible' | 'actionable';
export const QUALITY_CRITERIA: readonly QualityCriterion[] = ['measurable', 'substantial', 'differentiable', 'accessible', 'actionable'];

export interface QualityBadge {
  criterion: QualityCriterion;
  ok: boolean;
  detail: string;
}

/** Small, already-aggregated numbers the SVG charts draw. */
export interface ChartData {
  /** Customers sorted by value, cumulative value share at each customer share (0..1). */
  pareto?: { x: number; y: number }[];
  /** RFM: customers per recency score (rows) × frequency score (columns). */
  rfmGrid?: number[][];
  /** k-means: silhouette (and inertia) per candidate k. */
  kCandidates?: { k: number; silhouette: number; inertia: number }[];
  /** Against the previous run of the same model: customers per (earlier segment, segment now). */
  migration?: { segments: string[]; matrix: number[][] };
}

export interface ModelOutcome {
  modelId: string;
  kind: ModelKind;
  segments: SegmentSummary[];
  quality: QualityBadge[];
  charts: ChartData;
  playbook: PlaybookEntry[];
  warnings: string[];
  /** Customers without a segment (inputs missing), counted. */
  unassigned: number;
}

export interface RunOutcome {
  customers: number;
  models: ModelOutcome[];
  /** Counted, explained rows the engine skipped. */
  notes: string[];
}

export interface DrillDownQuery {
  modelId: string;
  segment: number;
  offset: number;
  limit: number;
  /** Column → case-insensitive substring the cell must contain. */
  filters: Record<string, string>;
}

export interface DrillDownPage {
  headers: string[];
  rows: CellValue[][];
  total: number;
}

export interface WrittenItem {
  what: string;
  where: string;
}

export interface WriteReport {
  items: WrittenItem[];
  warnings: string[];
}

/**
 * Everything the taskpane needs from the outside world. The UI receives one of these as a
 * prop, so the same components run in Excel, in the playground and in component tests.
 * Every call resolves with a Result: the UI never sees a thrown exception.
 */
export interface SegmentKitServices {
  listSheets(): Promise<Result<SheetInfo[]>>;
  preview(sheet: string, rows: number): Promise<Result<SheetPreview>>;
  /** Reads the chosen sheets into the engine and checks them; progress: `read` with the share of rows read, then `parse`. */
  detect(sources: DataSources, onProgress?: (p: RunProgress) => void): Promise<Result<Detection>>;
  run(recipe: NotebookRecipe, onProgress: (p: RunProgress) => void): Promise<Result<RunOutcome>>;
  /** Stops a running `run` or `writeBack`; the pending call resolves with E_CANCELLED. */
  cancel(): void;
  drillDown(query: DrillDownQuery): Promise<Result<DrillDownPage>>;
  writeBack(recipe: NotebookRecipe, onProgress: (p: RunProgress) => void): Promise<Result<WriteReport>>;
  loadRecipes(): Promise<Result<NotebookRecipe[]>>;
  saveRecipe(recipe: NotebookRecipe): Promise<Result<void>>;
  /** Selects cells such as `Orders!D17` so the user sees a data problem. */
  selectCells(address: string): Promise<Result<void>>;
}
