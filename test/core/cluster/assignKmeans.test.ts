import { assignKmeans } from '../../../src/core/cluster/assignKmeans';
import { fitKmeans } from '../../../src/core/cluster/fitKmeans';
import { prepareFeatures } from '../../../src/core/cluster/prepareFeatures';
import { readFixtureColumns } from './readFixture';

describe('assignKmeans', () => {
  it('puts the training rows back into the clusters the fit gave them', () => {
    const numeric = readFixtureColumns('customers').map((c) => ({ ...c, log: c.name === 'monetary' }));
    const fit = fitKmeans(prepareFeatures({ numeric }), { k: 4, seed: 8 });
    const model = JSON.parse(JSON.stringify(fit.model));
    const { labels, unassigned } = assignKmeans(model, { numeric });
    expect(unassigned).toBe(0);
    expect(Array.from(labels)).toEqual(Array.from(fit.labels));
  });

  it('leaves rows with a missing input unassigned under "drop"', () => {
    const fit = fitKmeans(prepareFeatures({ numeric: [{ name: 'x', values: new Float64Array([0, 1, 10, 11]) }] }), { k: 2, seed: 1 });
    const out = assignKmeans(fit.model, { numeric: [{ name: 'x', values: new Float64Array([0.5, NaN, 12]) }] });
    expect(out.labels[1]).toBe(-1);
    expect(out.labels[0]).toBe(fit.labels[0]);
    expect(out.labels[2]).toBe(fit.labels[3]);
    expect(out.unassigned).toBe(1);
    expect(out.missingByColumn).toEqual({ x: 1 });
  });
});
