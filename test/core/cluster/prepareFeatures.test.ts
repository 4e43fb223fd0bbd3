import { applyScaler } from '../../../src/core/cluster/applyScaler';
import { prepareFeatures } from '../../../src/core/cluster/prepareFeatures';
import { readFixtureColumns, readReference } from './readFixture';

describe('prepareFeatures', () => {
  it('standardises like scikit-learn StandardScaler (population sd, log1p on money)', () => {
    const ref = readReference('customers');
    const numeric = readFixtureColumns('customers').map((c) => ({ ...c, log: ref.log.includes(c.name) }));
    const prep = prepareFeatures({ numeric });
    ref.means.forEach((m, j) => expect(prep.scaler.means[j]).toBeCloseTo(m, 10));
    ref.sds.forEach((s, j) => expect(prep.scaler.sds[j]).toBeCloseTo(s, 10));
    expect(prep.scaler.log).toEqual([false, false, true]);
    for (let j = 0; j < prep.d; j++) {
      let sum = 0;
      let ss = 0;
      for (let r = 0; r < prep.n; r++) {
        sum += prep.data[r * prep.d + j];
        ss += prep.data[r * prep.d + j] ** 2;
      }
      expect(sum / prep.n).toBeCloseTo(0, 10);
      expect(ss / prep.n).toBeCloseTo(1, 10);
    }
  });

  it('drops rows with a missing value and counts them', () => {
    const prep = prepareFeatures({ numeric: [{ name: 'a', values: new Float64Array([1, NaN, 3, 5]) }, { name: 'b', values: new Float64Array([2, 2, NaN, 4]) }] });
    expect(prep.n).toBe(2);
    expect(prep.dropped).toBe(2);
    expect(Array.from(prep.rowIndex)).toEqual([0, 3]);
    expect(prep.missingByColumn).toEqual({ a: 1, b: 1 });
    expect(prep.scaler.means).toEqual([3, 3]);
  });

  it('imputes the median (numbers) and the most frequent category under "median"', () => {
    const prep = prepareFeatures({
      numeric: [{ name: 'a', values: new Float64Array([1, NaN, 3, 10]) }],
      categories: [{ name: 'region', codes: Int32Array.of(0, 1, 1, -1), dictionary: ['DE', 'FR', 'IT'] }],
    }, { missing: 'median' });
    expect(prep.n).toBe(4);
    expect(prep.dropped).toBe(0);
    expect(prep.scaler.medians).toEqual({ a: 3 });
    expect(prep.scaler.modes).toEqual({ region: 'FR' });
    expect(prep.scaler.features).toEqual(['a', 'region=DE', 'region=FR']);
    expect(prep.scaler.means[0]).toBeCloseTo((1 + 3 + 3 + 10) / 4, 12);
    expect(prep.scaler.means[2]).toBeCloseTo(0.75, 12);
  });

  it('transforms new rows exactly as the training rows', () => {
    const numeric = [{ name: 'spend', values: new Float64Array([10, 100, 1000, 50]), log: true }];
    const categories = [{ name: 'os', codes: Int32Array.of(0, 1, 0, 1), dictionary: ['iOS', 'Android'] }];
    const prep = prepareFeatures({ numeric, categories });
    const again = applyScaler(prep.scaler, { numeric, categories: [{ name: 'os', codes: Int32Array.of(1, 0, 1, 0), dictionary: ['Android', 'iOS'] }] });
    Array.from(prep.data).forEach((v, i) => expect(again.data[i]).toBeCloseTo(v, 12));
  });

  it('keeps a constant feature at zero when asked', () => {
    const prep = prepareFeatures({ numeric: [{ name: 'a', values: new Float64Array([1, 2, 3]) }, { name: 'c', values: new Float64Array([5, 5, 5]) }] }, { constant: 'zero' });
    expect(prep.scaler.sds[1]).toBe(1);
    expect([prep.data[1], prep.data[3], prep.data[5]]).toEqual([0, 0, 0]);
  });

  it('rejects bad input with exact codes and messages', () => {
    const v = new Float64Array([1, 2, 3]);
    expect(() => prepareFeatures({ numeric: [] })).toThrow(expect.objectContaining({ code: 'E_FEATURES_EMPTY', message: 'No feature columns were given. Choose at least one numeric or category column to cluster on.' }));
    expect(() => prepareFeatures({ numeric: [{ name: 'a', values: v }, { name: 'a', values: v }] })).toThrow(expect.objectContaining({ code: 'E_FEATURE_DUPLICATE', message: 'column "a": The column is listed twice as a feature. List each feature column once.' }));
    expect(() => prepareFeatures({ numeric: [{ name: 'c', values: new Float64Array([7, 7, 7]) }] })).toThrow(expect.objectContaining({ code: 'E_FEATURE_CONSTANT', message: 'column "c": The feature "c" has the same value for every row, so it cannot separate customers. Remove this feature, or pass constant: "zero" to keep it without effect.' }));
    expect(() => prepareFeatures({ numeric: [{ name: 'm', values: new Float64Array([1, -5, 3]), log: true }] })).toThrow(expect.objectContaining({ code: 'E_FEATURE_LOG_NEGATIVE', message: 'column "m", row 3: The value -5 is negative, so log1p cannot be applied. Turn off the log transform for this column or correct negative amounts (refunds) first.' }));
    expect(() => prepareFeatures({ numeric: [{ name: 'a', values: v }, { name: 'b', values: new Float64Array(2) }] })).toThrow(expect.objectContaining({ code: 'E_FEATURE_LENGTH', message: 'column "b": The column has 2 rows but the first feature column has 3. Pass feature columns of one table, all with the same number of rows.' }));
    expect(() => prepareFeatures({ numeric: [{ name: 'a', values: new Float64Array([NaN, NaN]) }] })).toThrow(expect.objectContaining({ code: 'E_FEATURE_ALL_MISSING' }));
    expect(() => prepareFeatures({ numeric: [{ name: 'a', values: new Float64Array([1, Infinity]) }] })).toThrow(expect.objectContaining({ code: 'E_FEATURE_NOT_FINITE', message: 'column "a", row 3: The value Infinity is not a finite number. Replace infinite values with a number or leave the cell empty.' }));
    expect(() => prepareFeatures({ numeric: [{ name: 'a', values: new Float64Array([1, NaN, NaN]) }] })).toThrow(expect.objectContaining({ code: 'E_FEATURES_TOO_FEW_ROWS' }));
    expect(() => prepareFeatures({ numeric: [{ name: 'a', values: v }] }, { missing: 'mean' as 'drop' })).toThrow(expect.objectContaining({ code: 'E_OPTION_INVALID' }));
    const prep = prepareFeatures({ numeric: [{ name: 'a', values: v }] });
    expect(() => applyScaler(prep.scaler, { numeric: [{ name: 'b', values: v }] })).toThrow(expect.objectContaining({ code: 'E_FEATURE_COLUMN_MISSING', message: 'column "a": The model needs the column "a" but it was not given. Map a column to this feature or refit the model on the columns you have.' }));
  });
});
