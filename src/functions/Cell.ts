import type { FunctionError } from './FunctionError';

/** One cell as Excel passes it to a custom function: blank cells arrive as '' or null. */
export type Cell = number | string | boolean | null | undefined;

/** A range argument: rows of cells. A single cell arrives as a 1×1 matrix. */
export type Matrix = Cell[][];

/** One cell of a result: a value or an error shown in that cell only. */
export type ResultCell = number | string | boolean | FunctionError;

/** What every SK function returns; Excel spills anything larger than 1×1. */
export type ResultMatrix = ResultCell[][];

/** True for a cell the user left empty. */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** A whole-call result of one cell: an error or a value. */
export function single(value: ResultCell): ResultMatrix {
  return [[value]];
}

/** An optional argument Excel leaves out arrives as undefined or null (or a blank cell). */
export function isOmitted(arg: Matrix | Cell | undefined): boolean {
  if (arg === undefined || arg === null) return true;
  if (Array.isArray(arg)) return arg.length === 0 || (arg.length === 1 && arg[0].length === 1 && isBlank(arg[0][0]));
  return isBlank(arg);
}
