/**
 * Excel's error values a custom function may return, keyed as `CustomFunctions.ErrorCode` names
 * them; the values are what the cell shows.
 */
export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  invalidNumber: '#NUM!',
  divisionByZero: '#DIV/0!',
  invalidReference: '#REF!',
  invalidName: '#NAME?',
  nullReference: '#NULL!',
} as const;

export type ErrorCodeName = keyof typeof ERROR_CODES;
export type ErrorCodeValue = (typeof ERROR_CODES)[ErrorCodeName];

/**
 * The error value outside Excel (jest, CLI, playground): the same `code` and `message` that
 * `CustomFunctions.Error` carries, so tests assert exactly what a cell would show.
 */
export class FunctionError {
  readonly name = 'FunctionError';

  constructor(
    readonly code: ErrorCodeValue,
    readonly message: string,
  ) {}
}

interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => { code: string; message?: string };
}

/**
 * Builds a cell error: `CustomFunctions.Error` inside Excel, a `FunctionError` elsewhere.
 *
 * @example
 * functionError('invalidValue', 'recency must be a number of days ≥ 0'); // shows #VALUE! with that tooltip
 */
export function functionError(code: ErrorCodeName, message: string): FunctionError {
  const runtime = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  if (runtime) return new runtime.Error(ERROR_CODES[code], message) as unknown as FunctionError;
  return new FunctionError(ERROR_CODES[code], message);
}

/** True for an error made by `functionError` (either kind). */
export function isFunctionError(value: unknown): value is FunctionError {
  if (value instanceof FunctionError) return true;
  const runtime = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  return runtime !== undefined && value instanceof runtime.Error;
}
