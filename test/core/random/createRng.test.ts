import { createRng } from '../../../src/core/random/createRng';
import { sampleBeta, sampleGamma, samplePoisson } from '../../../src/core/random/distributions';

describe('createRng and distributions', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = createRng(123);
    const b = createRng(123);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(createRng(124).next()).not.toBe(xs[0]);
  });

  it('draws gamma, beta and Poisson with the right means (n = 200,000, 1 % tolerance)', () => {
    const rng = createRng(9);
    const n = 200_000;
    const mean = (f: () => number) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += f();
      return s / n;
    };
    expect(mean(() => sampleGamma(rng, 0.5, 2))).toBeCloseTo(1, 1);
    expect(Math.abs(mean(() => sampleGamma(rng, 3, 2)) - 6) / 6).toBeLessThan(0.01);
    expect(Math.abs(mean(() => sampleBeta(rng, 2, 6)) - 0.25) / 0.25).toBeLessThan(0.01);
    expect(Math.abs(mean(() => samplePoisson(rng, 2.5)) - 2.5) / 2.5).toBeLessThan(0.01);
    const normals = Array.from({ length: n }, () => rng.normal());
    const m = normals.reduce((s, v) => s + v, 0) / n;
    const v = normals.reduce((s, x) => s + (x - m) ** 2, 0) / n;
    expect(Math.abs(m)).toBeLessThan(0.01);
    expect(Math.abs(v - 1)).toBeLessThan(0.01);
  });
});
