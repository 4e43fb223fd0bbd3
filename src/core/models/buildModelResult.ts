import type { CustomerTable } from '../customers/CustomerTable';
import { profileSegments, type ProfileFeature } from '../profile/profileSegments';
import { profileToSummaryTable } from '../profile/profileToSummaryTable';
import { SK_PREFIX, type CellValue, type ChartSpec, type OutputColumn, type SummaryTable } from '../results/Outputs';
import { displayName } from './customerInputs';
import type { ModelContext, ModelResult, ModelWarning } from './SegmentModel';

export interface ModelResultParts {
  kind: string;
  /** Short label for headers and the sheet, e.g. `RFM`. */
  label: string;
  segmentNames: string[];
  labels: Int32Array;
  /** Model-specific columns after the segment column. */
  columns: OutputColumn[];
  value?: Float64Array;
  valueLabel?: string;
  features?: ProfileFeature[];
  tables?: SummaryTable[];
  charts?: ChartSpec[];
  json: Record<string, unknown>;
  warnings: ModelWarning[];
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/**
 * Finishes a model run the same way for every kind: applies the recipe's renames, adds the
 * `SK · <label> segment` column, profiles the segments and lays out the summary sheet.
 */
export function buildModelResult(customers: CustomerTable, ctx: ModelContext, parts: ModelResultParts): ModelResult {
  const names = parts.segmentNames.map((n) => displayName(n, ctx.segmentNames));
  const n = parts.labels.length;
  const segmentValues: CellValue[] = new Array(n);
  for (let i = 0; i < n; i++) segmentValues[i] = parts.labels[i] >= 0 ? names[parts.labels[i]] : null;
  const profile = profileSegments(customers.table, parts.labels, names, {
    value: parts.value,
    valueLabel: parts.valueLabel,
    features: parts.features,
    maxTableFeatures: 6,
    overallMedians: ctx.overallMedians,
  });
  const profileTitle = `${parts.label} segments`;
  const charts: ChartSpec[] = [
    { title: `${parts.label}: customers and value by segment`, kind: 'column', table: profileTitle, categoryColumn: 'Segment', valueColumns: ['Share', 'Value share'] },
    ...(parts.charts ?? []),
  ];
  return {
    modelId: ctx.modelId,
    kind: parts.kind,
    segmentNames: names,
    labels: parts.labels,
    columns: [{ header: `${SK_PREFIX}${parts.label} segment`, values: segmentValues }, ...parts.columns],
    profile,
    sheets: [{ name: sheetName(`SK ${ctx.modelId}`), tables: [profileToSummaryTable(profile, profileTitle), ...(parts.tables ?? [])], charts }],
    json: { segments: names, sizes: profile.segments.map((s) => s.size), unassigned: profile.unassigned, ...parts.json },
    warnings: parts.warnings,
  };
}
