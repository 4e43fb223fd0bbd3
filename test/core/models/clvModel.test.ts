import type { NumberColumn } from '../../../src/core/table/Table';
import { join } from 'node:path';
import { aggregateTransactions } from '../../../src/core/customers/aggregateTransactions';
import { defaultRecipe } from '../../../src/core/recipe/defaultRecipe';
import { runRecipe } from '../../../src/core/recipe/runRecipe';
import { findColumn, selectRows } from '../../../src/core/table/Table';
import { dayNumberFromIso } from '../../../src/core/table/dayNumber';
import { readTableFile } from '../../../src/io/readTableFile';

const CDNOW = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'cdnow', 'CDNOW_sample.txt');

describe('clv model in a recipe', () => {
  it('reproduces the published CDNOW BG/NBD and Gamma-Gamma fits from raw transactions through aggregation', async () => {
    const parsed = await readTableFile(CDNOW);
    const end = dayNumberFromIso('1997-09-30');
    const dates = (findColumn(parsed.table, 'Column C') as NumberColumn).values;
    const rows: number[] = [];
    for (let i = 0; i < dates.length; i++) if (dates[i] <= end) rows.push(i);
    const calibration = selectRows(parsed.table, rows);
    const customers = aggregateTransactions(calibration, { customerId: 'Column B', date: 'Column C', amount: 'Column E' }, { asOf: end });
    expect(customers.table.rowCount).toBe(2357);
    const recipe = defaultRecipe(customers.roles, ['clv'], { settings: { clv: { timeUnit: 'week', horizon: 39 } } });
    const { results, fitted } = runRecipe(customers, recipe);
    const json = results[0].json as { params: Record<string, number>; logLikelihood: number; gammaGamma: Record<string, number> };
    // REFERENCE.md: maximum-likelihood estimates r 0.2426, α 4.4135, a 0.7929, b 2.4258; LL −9582.4 ± 0.05.
    expect(Math.abs(json.params.r - 0.2426)).toBeLessThan(0.001);
    expect(Math.abs(json.params.alpha - 4.4135)).toBeLessThan(0.005);
    expect(Math.abs(json.params.a - 0.7929)).toBeLessThan(0.002);
    expect(Math.abs(json.params.b - 2.4258)).toBeLessThan(0.005);
    expect(Math.abs(json.logLikelihood - -9582.4)).toBeLessThan(0.05);
    // Gamma-Gamma on the 946 repeat customers: p 6.2488, q 3.7446, γ 15.4477 (± 0.01 / 0.01 / 0.02).
    expect(Math.abs(json.gammaGamma.p - 6.2488)).toBeLessThan(0.01);
    expect(Math.abs(json.gammaGamma.q - 3.7446)).toBeLessThan(0.01);
    expect(Math.abs(json.gammaGamma.gamma - 15.4477)).toBeLessThan(0.02);
    // Customer 1 (x = 2, t_x = 30.43, T = 38.86): P(alive) 0.7266 ± 0.001.
    const pAlive = results[0].columns.find((c) => c.header === 'SK · P(alive)')!.values as Float64Array;
    const ids = findColumn(customers.table, 'customer_id')!;
    const row = 'codes' in ids ? ids.dictionary.indexOf('0001') : -1;
    expect(Math.abs(pAlive[row] - 0.7266)).toBeLessThan(0.001);
    expect((fitted.models[0].fitted as { model: { model: string } }).model.model).toBe('bgnbd');
    const sizes = results[0].profile.segments.reduce((s, x) => s + x.size, 0) + results[0].profile.unassigned;
    expect(sizes).toBe(2357);
  });
});
