import { assignKmeans } from '../core/cluster/assignKmeans';
import type { CategoryFeatureColumn, FeatureInput, NumericFeatureColumn } from '../core/cluster/FeatureInput';
import type { CustomerTable } from '../core/customers/CustomerTable';
import { isSegmentKitError } from '../core/errors/SegmentKitError';
import { displayName } from '../core/models/customerInputs';
import type { KmeansFitted } from '../core/models/kmeans/kmeansModel';
import { applyRecipe } from '../core/recipe/runRecipe';
import { dayNumberFromExcelSerial, dayNumberFromIso } from '../core/table/dayNumber';
import { encodeStrings, type Column } from '../core/table/Table';
import { isBlank, type Matrix, type ResultMatrix } from './Cell';
import type { FoundModel } from './findModel';
import { functionError, isFunctionError, type FunctionError } from './FunctionError';
import { cellText, columnIndex, readColumns } from './readColumns';

/** The columns each model kind reads when `values` has no header row, in this order. */
export const FEATURE_ORDER: Readonly<Record<string, readonly string[]>> = {
  rfm: ['recency', 'frequency', 'monetary'],
  value: ['revenue'],
  lifecycle: ['first_purchase', 'last_purchase'],
};

/** Columns holding dates: Excel serial numbers are turned into day numbers for them. */
const DATE_COLUMNS = ['first_purchase', 'last_purchase', 'signup_date', 'last_activity'];

function kmeansColumns(fitted: KmeansFitted): { name: string; numeric: boolean }[] {
  const seen = new Map<string, boolean>();
  for (const src of fitted.model.scaler.sources) if (!seen.has(src.column)) seen.set(src.column, src.kind === 'numeric');
  return [...seen].map(([name, numeric]) => ({ name, numeric }));
}

interface Prepared {
  rows: number;
  errors: (FunctionError | undefined)[];
}

/**
 * Segments rows with a fitted k-means model: one scaler pass and one assignment for all the
 * requests of a batch. Rows with a missing input get #N/A when the model drops such rows (it
 * imputes them under the `median` policy), text in a numeric column #VALUE!.
 */
function segmentKmeans(found: FoundModel, requests: Matrix[]): ResultMatrix[] {
  const fitted = found.spec.fitted as unknown as KmeansFitted;
  const { scaler } = fitted.model;
  const columns = kmeansColumns(fitted);
  const logByColumn = new Map<string, boolean>();
  scaler.sources.forEach((s, j) => {
    if (s.kind === 'numeric') logByColumn.set(s.column, scaler.log[j]);
  });
  const prepared: (Prepared | FunctionError)[] = [];
  const perRequest: { names: string[]; rows: Matrix }[] = [];
  let total = 0;
  for (const values of requests) {
    const named = readColumns(values, columns.map((c) => c.name));
    if (isFunctionError(named)) {
      prepared.push(named);
      continue;
    }
    prepared.push({ rows: named.rows.length, errors: new Array(named.rows.length) });
    perRequest.push(named);
    total += named.rows.length;
  }
  const numeric: NumericFeatureColumn[] = [];
  const categories: CategoryFeatureColumn[] = [];
  for (const col of columns) {
    if (col.numeric) {
      const out = new Float64Array(total);
      let offset = 0;
      let p = 0;
      for (const prep of prepared) {
        if (isFunctionError(prep)) continue;
        const named = perRequest[p++];
        const j = columnIndex(named.names, col.name);
        for (let r = 0; r < prep.rows; r++) {
          const cell = named.rows[r][j];
          let x = NaN;
          if (typeof cell === 'number' && Number.isFinite(cell)) x = cell;
          else if (!isBlank(cell)) prep.errors[r] ??= functionError('invalidValue', `${col.name} must be a number`);
          else if (scaler.missing === 'drop') prep.errors[r] ??= functionError('notAvailable', `${col.name} is empty; this model leaves rows with a missing input unassigned`);
          if (x < 0 && logByColumn.get(col.name)) prep.errors[r] ??= functionError('invalidNumber', `${col.name} must be a number ≥ 0 (the model takes its logarithm)`);
          out[offset + r] = prep.errors[r] ? 0 : x;
        }
        offset += prep.rows;
      }
      numeric.push({ name: col.name, values: out });
    } else {
      const texts: (string | null)[] = [];
      let p = 0;
      for (const prep of prepared) {
        if (isFunctionError(prep)) continue;
        const named = perRequest[p++];
        const j = columnIndex(named.names, col.name);
        for (let r = 0; r < prep.rows; r++) {
          const t = cellText(named.rows[r][j]);
          if (t === null && scaler.missing === 'drop') prep.errors[r] ??= functionError('notAvailable', `${col.name} is empty; this model leaves rows with a missing input unassigned`);
          texts.push(t);
        }
      }
      const coded = encodeStrings(col.name, texts);
      categories.push({ name: col.name, codes: coded.codes, dictionary: coded.dictionary });
    }
  }
  const input: FeatureInput = { numeric, categories };
  const { labels } = assignKmeans(fitted.model, input);
  const renames = found.recipe.segmentNames?.[found.spec.id] ?? {};
  const names = fitted.names.map((n) => displayName(n, renames));
  let offset = 0;
  return prepared.map((prep) => {
    if (isFunctionError(prep)) return [[prep]];
    const out: ResultMatrix = new Array(prep.rows);
    for (let r = 0; r < prep.rows; r++) {
      const label = labels[offset + r];
      out[r] = [prep.errors[r] ?? (label < 0 ? functionError('notAvailable', 'no segment: an input of this row is missing') : names[label])];
    }
    offset += prep.rows;
    return out;
  });
}

function tableColumn(name: string, cells: Matrix, j: number, isDate: boolean): Column {
  const numbers = cells.every((row) => isBlank(row[j]) || typeof row[j] === 'number');
  if (numbers) {
    const values = Float64Array.from(cells, (row) => (typeof row[j] === 'number' ? (isDate ? dayNumberFromExcelSerial(row[j] as number) : (row[j] as number)) : NaN));
    return isDate ? { name, type: 'date', values } : { name, type: 'number', values };
  }
  return encodeStrings(name, cells.map((row) => cellText(row[j])));
}

/**
 * Segments rows with any other fitted model (RFM, value tiers, lifecycle, custom rules, ...)
 * through the engine's `applyRecipe`, on a one-model copy of the recipe, so the cell shows
 * exactly what the taskpane writes.
 */
function segmentWithRecipe(found: FoundModel, values: Matrix): ResultMatrix {
  const { recipe, spec } = found;
  const named = readColumns(values, FEATURE_ORDER[spec.kind] ?? []);
  if (isFunctionError(named)) return [[named]];
  const n = named.rows.length;
  const lower = named.names.map((c) => c.trim().toLowerCase());
  const columns = named.names.map((name, j) => tableColumn(name, named.rows, j, DATE_COLUMNS.includes(lower[j])));
  const maxDate = Math.max(...columns.filter((c) => c.type === 'date').flatMap((c) => Array.from(c.values as Float64Array).filter((v) => !Number.isNaN(v))), -Infinity);
  const customers: CustomerTable = {
    table: { rowCount: n, columns },
    roles: recipe.roles,
    idColumn: '',
    asOf: recipe.asOf ? dayNumberFromIso(recipe.asOf) : Number.isFinite(maxDate) ? maxDate : 0,
    skipped: [],
  };
  const settings = { ...spec.settings };
  if (spec.kind === 'rfm') {
    for (const m of ['recency', 'frequency', 'monetary']) if (lower.includes(m)) settings[`${m}Column`] = named.names[lower.indexOf(m)];
    settings.returns = 'gross';
  }
  try {
    const [result] = applyRecipe(customers, { ...recipe, models: [{ ...spec, settings }] });
    const out: ResultMatrix = new Array(n);
    for (let r = 0; r < n; r++) out[r] = [result.labels[r] < 0 ? functionError('notAvailable', 'no segment: an input of this row is missing') : result.segmentNames[result.labels[r]]];
    return out;
  } catch (e) {
    if (isSegmentKitError(e)) return [[functionError('invalidValue', e.detail)]];
    throw e;
  }
}

/**
 * `=SK.SEGMENT(values)` for a batch of calls that use the same fitted model: each request's
 * rows (with or without a header row) get one segment name per row, or a cell error.
 *
 * @example
 * segmentCells(found, [[['recency', 'frequency', 'monetary'], [12, 4, 310]]]); // [[['Champions']]]
 */
export function segmentCells(found: FoundModel, requests: Matrix[]): ResultMatrix[] {
  if (found.spec.kind === 'kmeans') return segmentKmeans(found, requests);
  return requests.map((values) => segmentWithRecipe(found, values));
}
