import type { KmeansModel } from '../../../src/core/cluster/KmeansModel';
import { nameClusters } from '../../../src/core/cluster/nameClusters';

function model(centroids: number[][]): KmeansModel {
  const features = ['income', 'monetary', 'os=iOS'];
  return {
    k: centroids.length, features, centroids, centroidsOriginal: centroids, sizes: centroids.map(() => 1),
    scaler: {
      features,
      sources: [{ kind: 'numeric', column: 'income' }, { kind: 'numeric', column: 'monetary' }, { kind: 'category', column: 'os', category: 'iOS' }],
      means: [0, 0, 0], sds: [1, 1, 1], log: [false, false, false], missing: 'drop', medians: {}, modes: {},
    },
    inertia: 0, iterations: 1, converged: true, seed: 0, runSeed: 0, nInit: 1,
  };
}

describe('nameClusters', () => {
  it('turns standing-out features into words, strongest first', () => {
    const names = nameClusters(model([[0.9, -0.7, 0], [0.1, -0.2, 0.3], [0, 1.8, 0], [0, 0, -0.8]]), { labels: { monetary: 'spending' } });
    expect(names).toEqual(['High income · low spending', 'Typical', 'Very high spending', 'Fewer iOS']);
  });

  it('keeps names unique: more words first, then numbers', () => {
    expect(nameClusters(model([[0.9, 0.6, 0], [0.9, -0.6, 0]]), { maxWords: 1 })).toEqual(['High income · high monetary', 'High income · low monetary']);
    expect(nameClusters(model([[0.1, 0, 0], [-0.1, 0, 0]]))).toEqual(['Typical (1)', 'Typical (2)']);
  });
});
