import { createHash } from 'node:crypto';
import { createKmeansWorkspace } from '../../../src/core/cluster/KmeansWorkspace';
import { kmeansSingleInit, type KmeansRun } from '../../../src/core/cluster/kmeansSingleInit';
import { prepareFeatures } from '../../../src/core/cluster/prepareFeatures';
import { customerLikeColumns } from '../../bench/kmeans.bench';

function prepared(d: number) {
  const c = customerLikeColumns(5000, 2024);
  const all = [
    { name: 'recency', values: c.recency },
    { name: 'frequency', values: c.frequency, log: true },
    { name: 'monetary', values: c.monetary, log: true },
    { name: 'm2', values: c.monetary.map((x, i) => x * c.frequency[i]) },
  ];
  return prepareFeatures({ numeric: all.slice(0, d) });
}

function fingerprint(run: KmeansRun): string {
  const hash = createHash('sha1').update(Buffer.from(run.labels.buffer)).update(Buffer.from(run.centroids.buffer)).digest('hex').slice(0, 12);
  return `${run.inertia} ${run.iterations} ${run.converged} ${hash}`;
}

describe('kmeansSingleInit', () => {
  // Recorded from the general-loop implementation before the three-feature loops, the fused
  // bound updates and the branch-free seeding: the fast paths must not move a single bit.
  it.each([
    [3, 2, 1, '11248.26688237656 31 true e394138ec1dc'],
    [3, 5, 7, '6304.598053415448 32 true 3adf1b1d88dc'],
    [3, 8, 12345, '4454.877315489126 61 true 7fc2c7809473'],
    [2, 5, 7, '2235.5683142679145 15 true 6bf48fe39b0c'],
    [4, 5, 7, '9187.142129002428 21 true ff54b0765ca0'],
  ])('d=%i, k=%i, seed %i gives the recorded run to the bit', (d, k, seed, expected) => {
    const prep = prepared(d);
    expect(fingerprint(kmeansSingleInit(prep.data, prep.n, prep.d, k, seed))).toBe(expected);
  });

  it('gives the same runs with one workspace shared across initialisations', () => {
    const prep = prepared(3);
    const workspace = createKmeansWorkspace(prep.n);
    for (const seed of [1, 2, 3]) {
      const shared = kmeansSingleInit(prep.data, prep.n, prep.d, 5, seed, { workspace });
      expect(fingerprint(shared)).toBe(fingerprint(kmeansSingleInit(prep.data, prep.n, prep.d, 5, seed)));
    }
  });

  it('ignores a workspace made for another number of rows', () => {
    const prep = prepared(3);
    const run = kmeansSingleInit(prep.data, prep.n, prep.d, 5, 7, { workspace: createKmeansWorkspace(10) });
    expect(fingerprint(run)).toBe('6304.598053415448 32 true 3adf1b1d88dc');
  });
});
