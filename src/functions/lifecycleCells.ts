import { isSegmentKitError } from '../core/errors/SegmentKitError';
import type { ModelSpec, Recipe } from '../core/recipe/Recipe';
import { applyRecipe, runRecipe } from '../core/recipe/runRecipe';
import { dayNumberFromExcelSerial } from '../core/table/dayNumber';
import { isOmitted, type Matrix, type ResultMatrix } from './Cell';
import { broadcastShape, cellAt } from './broadcastShape';
import { customerTableOf } from './customerTableOf';
import { functionError, isFunctionError, type FunctionError } from './FunctionError';
import { readNumber } from './NumberRule';
import { toResultMatrix } from './toResultMatrix';

/**
 * `=SK.LIFECYCLE(first, last, [asOf])`: the lifecycle stage (New, Growing, Established, At
 * risk, Lapsed) from first and last purchase dates, by the engine's lifecycle model with the
 * thresholds of `stored` (the workbook's lifecycle model) or the defaults. `asOf` defaults to
 * the recipe's as-of date, else the latest `last` date given.
 *
 * @example
 * lifecycleCells([[45000]], [[45290]], [[45300]], undefined); // [['Growing']]
 */
export function lifecycleCells(first: Matrix, last: Matrix, asOf: Matrix | undefined, stored: { recipe: Recipe; spec: ModelSpec } | undefined): ResultMatrix {
  const shape = broadcastShape([['first', first], ['last', last]]);
  if (isFunctionError(shape)) return [[shape]];
  const n = shape.rows * shape.columns;
  const firstDays = new Float64Array(n).fill(NaN);
  const lastDays = new Float64Array(n).fill(NaN);
  const errors: (FunctionError | undefined)[] = new Array(n);
  const dateRule = (label: string) => ({ label, description: 'a date', min: 1 });
  for (let r = 0, i = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.columns; c++, i++) {
      const f = readNumber(cellAt(first, r, c), dateRule('first'));
      const l = readNumber(cellAt(last, r, c), dateRule('last'));
      if (isFunctionError(f)) errors[i] = f;
      else if (isFunctionError(l)) errors[i] = l;
      else if (l < f) errors[i] = functionError('invalidNumber', 'last must be a date on or after first');
      else {
        firstDays[i] = dayNumberFromExcelSerial(f);
        lastDays[i] = dayNumberFromExcelSerial(l);
      }
    }
  }
  let asOfDay: number;
  if (!isOmitted(asOf)) {
    const m = asOf as Matrix;
    const v = m.length === 1 && m[0].length === 1 ? readNumber(m[0][0], dateRule('asOf')) : functionError('invalidValue', 'asOf must be a single date');
    if (isFunctionError(v)) return [[v]];
    asOfDay = dayNumberFromExcelSerial(v);
  } else {
    asOfDay = lastDays.reduce((a, b) => (b > a ? b : a), -Infinity);
  }
  const latest = lastDays.reduce((a, b) => (b > a ? b : a), -Infinity);
  if (Number.isFinite(latest) && Number.isFinite(asOfDay) && latest > asOfDay) return [[functionError('invalidNumber', 'asOf must be on or after every last date')]];
  const table = customerTableOf(
    [
      { name: 'first_purchase', type: 'date', values: firstDays },
      { name: 'last_purchase', type: 'date', values: lastDays },
    ],
    n,
    Number.isFinite(asOfDay) ? asOfDay : 0,
  );
  try {
    const storedAsOf = isOmitted(asOf) && stored?.recipe.asOf ? { asOf: stored.recipe.asOf } : {};
    const recipe = stored
      ? { ...stored.recipe, ...storedAsOf, roles: {}, models: [{ ...stored.spec, settings: { ...stored.spec.settings, signupColumn: undefined, lastActivityColumn: undefined } }] }
      : runRecipe(table, { version: 1, name: 'SK functions', roles: {}, seed: 1, models: [{ id: 'lifecycle', kind: 'lifecycle', settings: {} }] }).fitted;
    if (!storedAsOf.asOf) delete (recipe as { asOf?: string }).asOf;
    const [result] = applyRecipe(table, recipe);
    const names = Array.from(result.labels, (label) => (label < 0 ? '' : result.segmentNames[label]));
    return toResultMatrix(shape, names, errors);
  } catch (e) {
    if (isSegmentKitError(e)) return [[functionError('invalidValue', e.detail)]];
    throw e;
  }
}
