import { isBlank, type Cell } from './Cell';
import { functionError, type FunctionError } from './FunctionError';

/**
 * A numeric argument's constraint as data (DESIGN.md convention 3): one message format,
 * "<label> must be <description>", serves every function.
 */
export interface NumberRule {
  /** The argument's name as the function's help shows it, e.g. `recency`. */
  label: string;
  /** What a valid value is, e.g. `a number of days ≥ 0`. */
  description: string;
  min?: number;
  /** Values must be strictly above `min`. */
  exclusiveMin?: boolean;
  max?: number;
  /** Values must be strictly below `max`. */
  exclusiveMax?: boolean;
  integer?: boolean;
}

/**
 * Reads one cell against its rule: the number, or the cell error to show. Text and booleans
 * are #VALUE!, a blank cell is #N/A (nothing to compute with), a number outside the rule #NUM!.
 *
 * @example
 * readNumber(-3, { label: 'recency', description: 'a number of days ≥ 0', min: 0 }); // #NUM! "recency must be a number of days ≥ 0"
 */
export function readNumber(cell: Cell, rule: NumberRule): number | FunctionError {
  const message = `${rule.label} must be ${rule.description}`;
  if (isBlank(cell)) return functionError('notAvailable', `${rule.label} is empty; it must be ${rule.description}`);
  if (typeof cell !== 'number' || !Number.isFinite(cell)) return functionError('invalidValue', message);
  if (rule.integer && !Number.isInteger(cell)) return functionError('invalidNumber', message);
  if (rule.min !== undefined && (rule.exclusiveMin ? cell <= rule.min : cell < rule.min)) return functionError('invalidNumber', message);
  if (rule.max !== undefined && (rule.exclusiveMax ? cell >= rule.max : cell > rule.max)) return functionError('invalidNumber', message);
  return cell;
}
