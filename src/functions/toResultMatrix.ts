import type { ResultCell, ResultMatrix } from './Cell';
import type { Shape } from './broadcastShape';
import type { FunctionError } from './FunctionError';

/** Lays row-major values out in the result shape, each cell's error in place of its value. */
export function toResultMatrix(shape: Shape, values: ArrayLike<ResultCell>, errors: readonly (FunctionError | undefined)[]): ResultMatrix {
  const out: ResultMatrix = new Array(shape.rows);
  for (let r = 0, i = 0; r < shape.rows; r++) {
    const row: ResultCell[] = new Array(shape.columns);
    for (let c = 0; c < shape.columns; c++, i++) row[c] = errors[i] ?? values[i];
    out[r] = row;
  }
  return out;
}
