import { isSegmentKitError } from '../core/errors/SegmentKitError';
import { applyRecipe, runRecipe } from '../core/recipe/runRecipe';
import { isBlank, type Matrix, type ResultMatrix } from './Cell';
import { customerTableOf } from './customerTableOf';
import { functionError, isFunctionError, type FunctionError } from './FunctionError';
import { readNumber } from './NumberRule';
import { toResultMatrix } from './toResultMatrix';

const valueRecipe = { version: 1, name: 'SK functions', roles: {}, seed: 1, models: [{ id: 'value', kind: 'value', settings: { returns: 'gross' } }] };

/**
 * `=SK.VALUETIER(value, values)`: the Pareto / ABC tier of each value among `values`, by the
 * engine's value model: A is the smallest group of customers (largest values first) holding
 * 80 % of the positive value, B the next up to 95 %, C the rest; ties never split.
 *
 * @example
 * valueTierCells([[900]], [[900], [50], [30], [20]]); // [['A']]
 */
export function valueTierCells(value: Matrix, values: Matrix): ResultMatrix {
  const pool = values.flat().filter((c) => !isBlank(c));
  if (pool.length === 0) return [[functionError('notAvailable', 'values is empty; give the range of all customers’ values')]];
  if (pool.some((c) => typeof c !== 'number')) return [[functionError('invalidValue', 'values must hold numbers only (blank cells are skipped)')]];
  const rows = value.length;
  const columns = value[0]?.length ?? 0;
  const n = rows * columns;
  const own = new Float64Array(n).fill(NaN);
  const errors: (FunctionError | undefined)[] = new Array(n);
  const rule = { label: 'value', description: 'a number (the customer’s value)' };
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++, i++) {
      const v = readNumber(value[r][c], rule);
      if (isFunctionError(v)) errors[i] = v;
      else own[i] = v;
    }
  }
  try {
    const all = customerTableOf([{ name: 'revenue', type: 'number', values: Float64Array.from(pool as number[]) }], pool.length);
    const { fitted } = runRecipe(all, valueRecipe);
    const [result] = applyRecipe(customerTableOf([{ name: 'revenue', type: 'number', values: own }], n), fitted);
    const tiers = result.columns.find((col) => col.header.endsWith('Value tier'))!.values as (string | null)[];
    return toResultMatrix({ rows, columns }, tiers.map((t) => t ?? ''), errors);
  } catch (e) {
    if (isSegmentKitError(e)) return [[functionError('invalidValue', e.detail)]];
    throw e;
  }
}
