import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bgNbdConditionalExpectedPurchases, bgNbdExpectedPurchasesIfAlive } from '../../../src/core/clv/bgNbdPredictions';

/** Made once with SciPy (see the .py beside it). */
const reference = JSON.parse(readFileSync(join(__dirname, '../../fixtures/clv/conditional_expectation_reference.json'), 'utf8')) as { r: number; alpha: number; a: number; b: number; x: number; T: number; t: number; expected: number }[];

/** Shapes spread over many orders of magnitude, far past anything a fit on real data returns. */
const shape = (min: number, max: number) => fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);

describe('BG/NBD expected purchases, closed form and quadrature', () => {
  it('stays a finite, non-negative number for shapes from 1e-4 to 1e5', () => {
    fc.assert(
      fc.property(
        fc.record({ r: shape(1e-4, 1e5), alpha: shape(1e-4, 1e6), a: shape(1e-4, 1e5), b: shape(1e-4, 1e5) }),
        fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), shape(0.1, 1000), shape(0.1, 1000),
        (params, x, share, T, t) => {
          const v = bgNbdConditionalExpectedPurchases(params, t, x, x === 0 ? 0 : share * T, T);
          return Number.isFinite(v) && v >= 0;
        },
      ),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('is a positive number for a case that once gave NaN (a and b in the thousands)', () => {
    // Found by fuzzing: the Beta normaliser underflowed and 0/0 came back as NaN.
    const v = bgNbdConditionalExpectedPurchases({ r: 0.0151, alpha: 0.0020, a: 12170, b: 9969 }, 28.6, 5, 0.0031, 0.2208);
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(0);
  });

  it.each(reference.map((c) => [c.a, c.b, c.t, c] as const))('matches SciPy quadrature at a=%d, b=%d, t=%d to 1e-6 relative', (_a, _b, _t, c) => {
    const got = bgNbdExpectedPurchasesIfAlive({ r: c.r, alpha: c.alpha, a: c.a, b: c.b }, c.x, c.T, c.t);
    expect(Math.abs(got - c.expected) / c.expected).toBeLessThan(1e-6);
  });
});
