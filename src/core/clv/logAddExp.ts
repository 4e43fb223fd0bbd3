/**
 * ln(e^a + e^b) without overflow or underflow; −Infinity operands are allowed.
 *
 * @example
 * logAddExp(Math.log(2), Math.log(3)); // Math.log(5)
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * ln(e^a − e^b) for a ≥ b; −Infinity when they are equal.
 *
 * @example
 * logSubExp(Math.log(5), Math.log(3)); // Math.log(2)
 */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (b >= a) return -Infinity;
  return a + Math.log1p(-Math.exp(b - a));
}
