import { SUPPORT_CHANNELS } from '../core/customers/CustomerTable';
import { normalizeChannel } from '../core/customers/normalizeChannel';
import { DEFAULT_COST_PER_CONTACT } from '../core/models/value/valueModel';
import { applyRecipe } from '../core/recipe/runRecipe';
import type { Column } from '../core/table/Table';
import { isBlank, isOmitted, type Matrix, type ResultMatrix } from './Cell';
import { customerTableOf } from './customerTableOf';
import { functionError, isFunctionError, type FunctionError } from './FunctionError';
import { readNumber } from './NumberRule';
import { toResultMatrix } from './toResultMatrix';

/**
 * `=SK.COSTTOSERVE(contacts, channels, [costs])`: support contacts per channel × cost per
 * contact, summed per row, by the engine's value model. `costs` (one number per channel)
 * overrides `storedCosts` (the workbook's value model) which overrides the built-in defaults.
 *
 * @example
 * costToServeCells([[2, 1]], [['phone', 'chat']], [[5, 1]], undefined); // [[11]]
 */
export function costToServeCells(contacts: Matrix, channels: Matrix, costs: Matrix | undefined, storedCosts: Readonly<Record<string, number>> | undefined): ResultMatrix {
  const names = channels.flat();
  const width = contacts[0]?.length ?? 0;
  if (names.length !== width) return [[functionError('invalidValue', `channels has ${names.length} names but contacts has ${width} columns; give one channel name per contacts column`)]];
  const channelOf: string[] = [];
  for (const name of names) {
    const ch = typeof name === 'string' ? normalizeChannel(name) : null;
    if (!ch) return [[functionError('invalidValue', `unknown channel "${String(name ?? '')}"; use ${SUPPORT_CHANNELS.join(', ')}`)]];
    if (channelOf.includes(ch)) return [[functionError('invalidValue', `channel ${ch} is named twice; give each channel one column`)]];
    channelOf.push(ch);
  }
  const price: Record<string, number> = { ...DEFAULT_COST_PER_CONTACT, ...storedCosts };
  if (!isOmitted(costs)) {
    const list = (costs as Matrix).flat();
    if (list.length !== width) return [[functionError('invalidValue', `costs has ${list.length} numbers but there are ${width} channels; give one cost per channel`)]];
    for (let j = 0; j < width; j++) {
      const v = readNumber(list[j], { label: `the cost per ${channelOf[j]} contact`, description: 'a number ≥ 0', min: 0 });
      if (isFunctionError(v)) return [[v]];
      price[channelOf[j]] = v;
    }
  }
  const n = contacts.length;
  const errors: (FunctionError | undefined)[] = new Array(n);
  const counts = channelOf.map(() => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < width; j++) {
      const cell = contacts[r][j];
      const v = isBlank(cell) ? 0 : readNumber(cell, { label: `${channelOf[j]} contacts`, description: 'a number ≥ 0', min: 0 });
      if (isFunctionError(v)) errors[r] ??= v;
      else counts[j][r] = v;
    }
  }
  const columns: Column[] = channelOf.map((ch, j) => ({ name: `contacts_${ch}`, type: 'number', values: counts[j] }));
  columns.push({ name: 'revenue', type: 'number', values: new Float64Array(n) });
  const fitted = { aMin: Infinity, bMin: Infinity, decileCuts: [], costPerContact: price };
  const recipe = { version: 1, name: 'SK functions', roles: {}, seed: 1, models: [{ id: 'value', kind: 'value', settings: { returns: 'gross', costPerContact: price }, fitted }] };
  const [result] = applyRecipe(customerTableOf(columns, n), recipe);
  const cost = result.columns.find((col) => col.header.endsWith('Cost to serve'))!.values as Float64Array;
  return toResultMatrix({ rows: n, columns: 1 }, cost, errors);
}
