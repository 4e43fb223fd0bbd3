/** An Excel error value such as `#DIV/0!` or `#N/A`; `values` reports its text. */
export class ExcelErrorValue {
  constructor(readonly text: string) {}
}

export type StoredValue = number | string | boolean | ExcelErrorValue;

/** What one assigned input becomes in a cell. `skip` leaves the cell as it was. */
export type Interpreted = { kind: 'skip' } | { kind: 'empty' } | { kind: 'value'; value: StoredValue } | { kind: 'formula'; formula: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;

/**
 * Reads an input as Excel reads what is typed or assigned to `values` / `formulas`: a string
 * starting with `=` is a formula, and so is one starting with `+`, `-` or `@` that is not a
 * plain number (Excel turns `+cmd|...`, `-1+2`, `@SUM(A1)` into formulas); numeric, percent and
 * TRUE/FALSE strings become numbers and booleans. A cell formatted as Text (`@`) keeps every
 * string exactly as given, which is what SegmentKit's injection guard relies on.
 */
export function interpretInput(input: unknown, numberFormat: string | undefined): Interpreted {
  if (input === null || input === undefined) return { kind: 'skip' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { kind: 'value', value: new ExcelErrorValue('#NUM!') };
    return { kind: 'value', value: input };
  }
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  const s = String(input);
  if (s === '') return { kind: 'empty' };
  if (numberFormat === '@') return { kind: 'value', value: s };
  const first = s[0];
  if (first === '=' && s.length > 1) return { kind: 'formula', formula: s };
  if (NUMBER.test(s)) return { kind: 'value', value: Number(s) };
  if (PERCENT.test(s)) return { kind: 'value', value: Number(s.slice(0, -1)) / 100 };
  const upper = s.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  if ((first === '+' || first === '-') && s.length > 1) return { kind: 'formula', formula: `=${s}` };
  if (first === '@' && s.length > 1) return { kind: 'formula', formula: `=${s.slice(1)}` };
  return { kind: 'value', value: s };
}
