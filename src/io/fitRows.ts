/**
 * The first `rows` entries of an array sized from an estimate; copied when the spare room is
 * worth giving back, a view otherwise.
 *
 * @example
 * fitRows(new Int32Array(1000), 10).length; // 10 (a copy: 990 spare entries are freed)
 */
export function fitRows<T extends Int32Array | Float64Array>(a: T, rows: number): T {
  return (a.length - rows > rows / 8 ? a.slice(0, rows) : a.subarray(0, rows)) as T;
}
