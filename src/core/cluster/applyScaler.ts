import { SegmentKitError } from '../errors/SegmentKitError';
import type { FeatureInput, FeatureMatrix } from './FeatureInput';
import type { Scaler } from './Scaler';

/**
 * Transforms rows with a fitted scaler exactly as the training rows were: log1p where flagged,
 * missing values dropped or imputed per the scaler's policy, one-hot categories matched by their
 * text (a category unseen in training gets all zeros), then standardised.
 *
 * @example
 * const m = applyScaler(model.scaler, { numeric: [{ name: 'income', values: new Float64Array([52000]) }] });
 * m.data; // the standardised row, ready for assignKmeans
 */
export function applyScaler(scaler: Scaler, input: FeatureInput): FeatureMatrix {
  const d = scaler.features.length;
  const numericByName = new Map(input.numeric.map((c) => [c.name, c]));
  const categoryByName = new Map((input.categories ?? []).map((c) => [c.name, c]));
  const rowCount = input.numeric.length > 0 ? input.numeric[0].values.length : (input.categories?.[0]?.codes.length ?? 0);

  const numericCols: (Float64Array | null)[] = [];
  const categoryCols: (Int32Array | null)[] = [];
  const matchCode = new Int32Array(d);
  const imputeValue = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const src = scaler.sources[j];
    if (src.kind === 'numeric') {
      const col = numericByName.get(src.column);
      if (!col) throw missingColumn(src.column);
      checkLength(src.column, col.values.length, rowCount);
      numericCols.push(col.values);
      categoryCols.push(null);
      imputeValue[j] = scaler.medians[src.column] ?? NaN;
    } else {
      const col = categoryByName.get(src.column);
      if (!col) throw missingColumn(src.column);
      checkLength(src.column, col.codes.length, rowCount);
      numericCols.push(null);
      categoryCols.push(col.codes);
      matchCode[j] = col.dictionary.indexOf(src.category);
      imputeValue[j] = scaler.modes[src.column] === src.category ? 1 : 0;
    }
  }

  const missingByColumn: Record<string, number> = {};
  for (const src of scaler.sources) missingByColumn[src.column] = 0;
  const keep = new Uint8Array(rowCount).fill(1);
  const counted = new Set<string>();
  for (let j = 0; j < d; j++) {
    const column = scaler.sources[j].column;
    if (counted.has(column)) continue;
    counted.add(column);
    const num = numericCols[j];
    const cat = categoryCols[j];
    let missing = 0;
    for (let i = 0; i < rowCount; i++) {
      const isMissing = num ? Number.isNaN(num[i]) : (cat as Int32Array)[i] < 0;
      if (isMissing) {
        missing++;
        if (scaler.missing === 'drop') keep[i] = 0;
      }
    }
    missingByColumn[column] = missing;
  }

  let n = 0;
  for (let i = 0; i < rowCount; i++) n += keep[i];
  const rowIndex = new Int32Array(n);
  for (let i = 0, r = 0; i < rowCount; i++) if (keep[i]) rowIndex[r++] = i;

  const data = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const num = numericCols[j];
    const cat = categoryCols[j];
    const mean = scaler.means[j];
    const inv = 1 / scaler.sds[j];
    const useLog = scaler.log[j];
    const code = matchCode[j];
    for (let r = 0; r < n; r++) {
      const i = rowIndex[r];
      let x: number;
      if (num) {
        x = num[i];
        if (Number.isNaN(x)) x = imputeValue[j];
        else if (!Number.isFinite(x)) throw new SegmentKitError('E_FEATURE_NOT_FINITE', `The value ${x} is not a finite number`, { location: { column: scaler.sources[j].column, row: i + 2 }, hint: 'Replace infinite values with a number or leave the cell empty.' });
        if (useLog) {
          if (x < 0) throw new SegmentKitError('E_FEATURE_LOG_NEGATIVE', `The value ${x} is negative, so log1p cannot be applied`, { location: { column: scaler.sources[j].column, row: i + 2 }, hint: 'Turn off the log transform for this column or correct negative amounts (refunds) first.' });
          x = Math.log1p(x);
        }
      } else {
        const c = (cat as Int32Array)[i];
        x = c < 0 ? imputeValue[j] : c === code ? 1 : 0;
      }
      data[r * d + j] = (x - mean) * inv;
    }
  }
  return { data, n, d, rowIndex, rowCount, dropped: rowCount - n, missingByColumn };
}

function missingColumn(column: string): SegmentKitError {
  return new SegmentKitError('E_FEATURE_COLUMN_MISSING', `The model needs the column "${column}" but it was not given`, { location: { column }, hint: 'Map a column to this feature or refit the model on the columns you have.' });
}

function checkLength(column: string, length: number, rowCount: number): void {
  if (length !== rowCount) {
    throw new SegmentKitError('E_FEATURE_LENGTH', `The column has ${length} rows but the first feature column has ${rowCount}`, { location: { column }, hint: 'Pass feature columns of one table, all with the same number of rows.' });
  }
}
