import fc from 'fast-check';
import { prepareFeatures } from '../../../src/core/cluster/prepareFeatures';
import { silhouetteScore } from '../../../src/core/cluster/silhouetteScore';
import { silhouetteSums3 } from '../../../src/core/cluster/silhouetteSums3';
import { createRng } from '../../../src/core/random/createRng';
import { readFixtureColumns, readReference } from './readFixture';

function bruteForce(x: number[][], labels: number[]): number {
  const dist = (p: number[], q: number[]) => Math.sqrt(p.reduce((s, v, t) => s + (v - q[t]) ** 2, 0));
  const clusters = [...new Set(labels)];
  let total = 0;
  x.forEach((p, i) => {
    const own = x.filter((_, j) => labels[j] === labels[i] && j !== i);
    if (own.length === 0) return;
    const a = own.reduce((s, q) => s + dist(p, q), 0) / own.length;
    const b = Math.min(...clusters.filter((c) => c !== labels[i]).map((c) => {
      const other = x.filter((_, j) => labels[j] === c);
      return other.reduce((s, q) => s + dist(p, q), 0) / other.length;
    }));
    total += (b - a) / Math.max(a, b);
  });
  return total / x.length;
}

describe('silhouetteScore', () => {
  it('equals a brute-force computation (with a singleton cluster scoring 0)', () => {
    const rng = createRng(4);
    const rows = Array.from({ length: 60 }, () => [rng.normal(), rng.normal(), rng.normal() * 2]);
    const labels = rows.map((_, i) => (i === 59 ? 3 : i % 3));
    const got = silhouetteScore(Float64Array.from(rows.flat()), 60, 3, Int32Array.from(labels));
    expect(got.score).toBeCloseTo(bruteForce(rows, labels), 12);
    expect(got.sampled).toBe(false);
  });

  it("matches scikit-learn's silhouette_score on the blobs fixture", () => {
    const ref = readReference('blobs');
    const prep = prepareFeatures({ numeric: readFixtureColumns('blobs') });
    const got = silhouetteScore(prep.data, prep.n, prep.d, Int32Array.from(ref.labelsAtBestK));
    expect(got.score).toBeCloseTo(ref.kmeans[String(ref.bestSilhouetteK)].silhouette, 10);
  });

  it('leaves unlabelled rows out, and samples (seeded) above the exact limit', () => {
    const prep = prepareFeatures({ numeric: readFixtureColumns('overlap') });
    const labels = Int32Array.from({ length: prep.n }, (_, i) => (prep.data[i * prep.d] > 0 ? 1 : 0));
    const exact = silhouetteScore(prep.data, prep.n, prep.d, labels).score;
    const a = silhouetteScore(prep.data, prep.n, prep.d, labels, { exactLimit: 500, sampleSize: 800, seed: 2 });
    const b = silhouetteScore(prep.data, prep.n, prep.d, labels, { exactLimit: 500, sampleSize: 800, seed: 2 });
    expect(a).toEqual(b);
    expect(a.sampled).toBe(true);
    expect(a.rowsUsed).toBe(800);
    expect(Math.abs(a.score - exact)).toBeLessThan(0.03);
    labels[0] = -1;
    expect(silhouetteScore(prep.data, prep.n, prep.d, labels).unlabelled).toBe(1);
  });

  it('rejects bad input with exact codes', () => {
    const data = new Float64Array([0, 1, 2, 3]);
    expect(() => silhouetteScore(data, 4, 1, Int32Array.of(0, 0, 0, 0))).toThrow(expect.objectContaining({ code: 'E_SILHOUETTE_LABELS', message: 'The silhouette needs from 2 to 3 clusters among the rows used, found 1. Cluster into at least 2 groups, fewer groups than rows.' }));
    expect(() => silhouetteScore(data, 4, 1, Int32Array.of(0, 1))).toThrow(expect.objectContaining({ code: 'E_SILHOUETTE_SHAPE' }));
    expect(() => silhouetteScore(data, 4, 1, Int32Array.of(0, 1, 0, 1), { sampleSize: 1 })).toThrow(expect.objectContaining({ code: 'E_SILHOUETTE_SAMPLE' }));
  });

  // The kernel adds the same distances in the same order: the scores must agree to the bit.
  it.each([
    ['odd and even cluster sizes, a singleton', 601, 4, 5],
    ['two clusters', 1000, 2, 6],
    ['ten clusters on a grid full of ties', 777, 10, 7],
    ['sampled above the exact limit', 3000, 5, 8],
  ])('gives the same score with the WebAssembly kernel as in TypeScript: %s', (_name, n, k, seed) => {
    const rng = createRng(seed);
    const grid = k === 10;
    const data = Float64Array.from({ length: n * 3 }, () => (grid ? rng.int(4) : rng.normal()));
    const labels = Int32Array.from({ length: n }, (_, i) => (i === n - 1 ? k - 1 : i % (k - 1)));
    const options = n > 2000 ? { exactLimit: 1000, sampleSize: 999, seed } : {};
    const wasm = silhouetteScore(data, n, 3, labels, options);
    const plain = silhouetteScore(data, n, 3, labels, { ...options, wasm: false });
    expect(wasm.score).toBe(plain.score);
    expect(wasm.sampled).toBe(n > 2000);
  });

  it('sums each row\'s distances to every cluster in the kernel', () => {
    // Rows sorted by cluster: 0, 1, 2 in cluster 0; 3, 4 in cluster 1.
    const x = Float64Array.of(0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 4, 0, 3);
    const sums = new Float64Array(5 * 2);
    expect(silhouetteSums3(x, 5, 2, Int32Array.of(0, 3, 5), sums)).toBe(true);
    const dist = (p: number, q: number) => Math.hypot(x[p * 3] - x[q * 3], x[p * 3 + 1] - x[q * 3 + 1], x[p * 3 + 2] - x[q * 3 + 2]);
    const expected = [0, 1, 2, 3, 4].flatMap((p) => [[0, 1, 2], [3, 4]].map((rows) => rows.filter((q) => q !== p).reduce((t, q) => t + dist(p, q), 0)));
    expected.forEach((v, i) => expect(sums[i]).toBeCloseTo(v, 12));
  });

  it('gives the same score with the kernel on any small labelled matrix (fast-check)', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value, fc.integer({ min: 0, max: 4 })), { minLength: 3, maxLength: 150 }), (rows) => {
        const labels = Int32Array.from(rows, (r) => r[3]);
        const k = new Set(labels).size;
        fc.pre(k >= 2 && k <= rows.length - 1);
        const data = Float64Array.from(rows.flatMap((r) => r.slice(0, 3) as number[]));
        expect(silhouetteScore(data, rows.length, 3, labels).score).toBe(silhouetteScore(data, rows.length, 3, labels, { wasm: false }).score);
      }),
      { seed: 20261123, numRuns: 200 },
    );
  });
});
