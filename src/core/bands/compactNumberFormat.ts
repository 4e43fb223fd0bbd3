/**
 * A short number formatter for band labels: thousands as k, millions as M, at most one
 * decimal, with an optional unit before or after ("€40k", "12.5k km").
 *
 * @example
 * const euro = compactNumberFormat({ prefix: '€' });
 * euro(40000); // '€40k'
 */
export function compactNumberFormat(unit: { prefix?: string; suffix?: string } = {}): (x: number) => string {
  const prefix = unit.prefix ?? '';
  const suffix = unit.suffix ?? '';
  const round = (x: number): string => String(Math.round(x * 10) / 10);
  return (x: number): string => {
    const sign = x < 0 ? '−' : '';
    const a = Math.abs(x);
    const body = a >= 1e6 ? `${round(a / 1e6)}M` : a >= 1e3 ? `${round(a / 1e3)}k` : round(a);
    return `${sign}${prefix}${body}${suffix}`;
  };
}
