import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const DATA = join(__dirname, '..', '..', '..', 'shared', 'data', 'cdnow');

describe('segmentkit clv', () => {
  it('fits the published CDNOW BG/NBD and Gamma-Gamma from the summary file (REFERENCE.md tolerances)', async () => {
    const r = await runCli('clv', join(DATA, 'cdnow_customers_summary_with_transactions.csv'), '--summary', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['customers', 'repeatCustomers', 'timeUnit', 'model', 'params', 'logLikelihood', 'converged', 'iterations', 'gammaGamma']));
    expect(j.customers).toBe(2357);
    expect(j.repeatCustomers).toBe(946);
    expect(j.timeUnit).toBe('week');
    expect(j.model).toBe('bgnbd');
    expect(Math.abs(j.params.r - 0.2426)).toBeLessThan(0.001);
    expect(Math.abs(j.params.alpha - 4.4135)).toBeLessThan(0.005);
    expect(Math.abs(j.params.a - 0.7929)).toBeLessThan(0.002);
    expect(Math.abs(j.params.b - 2.4258)).toBeLessThan(0.005);
    expect(Math.abs(j.logLikelihood - -9582.4)).toBeLessThan(0.05);
    expect(Math.abs(j.gammaGamma.p - 6.2488)).toBeLessThan(0.01);
    expect(Math.abs(j.gammaGamma.q - 3.7446)).toBeLessThan(0.01);
    expect(Math.abs(j.gammaGamma.gamma - 15.4477)).toBeLessThan(0.02);
    expect(Math.abs(j.gammaGamma.logLikelihood - -4055.92)).toBeLessThan(0.05);
  });

  it('builds the same fit from raw transactions with a calibration end and writes per-customer scores', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sk-clv-')), 'clv.csv');
    const charts = join(out, '..', 'charts.json');
    const r = await runCli('clv', join(DATA, 'CDNOW_sample.txt'), '--customer-id', 'Column B', '--calibration-end', '1997-09-30', '--out', out, '--charts', charts, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.calibrationEnd).toBe('1997-09-30');
    expect(Math.abs(j.params.r - 0.2426)).toBeLessThan(0.001);
    const lines = readFileSync(out, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('customer_id,frequency,recency,T,monetary_value,p_alive,expected_purchases_52,expected_spend,clv');
    expect(lines).toHaveLength(2358);
    const first = lines[1].split(',');
    expect(first[0]).toBe('0001');
    expect(Math.abs(Number(first[5]) - 0.7266)).toBeLessThan(0.001);
    // Chart data: the cumulative curve over calibration + holdout (78 weeks), and holdout by frequency.
    const c = JSON.parse(readFileSync(charts, 'utf8'));
    expect(c.expectedCumulativePurchases).toHaveLength(41);
    expect(c.expectedCumulativePurchases.at(-1).t).toBe(78);
    expect(c.calibrationVsHoldout.map((g: { label: string }) => g.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(c.calibrationVsHoldout.reduce((s: number, g: { customers: number }) => s + g.customers, 0)).toBe(2357);
  });

  it('refuses a wrong time unit and an unknown model with exit 2', async () => {
    const unit = await runCli('clv', join(DATA, 'cdnow_customers_summary.csv'), '--summary', '--time-unit', 'fortnight');
    expect(unit.code).toBe(2);
    expect(unit.stderr).toBe('segmentkit: --time-unit must be day, week or month, got "fortnight".\n');
    const model = await runCli('clv', join(DATA, 'cdnow_customers_summary.csv'), '--summary', '--model', 'bgbb');
    expect(model.stderr).toBe('segmentkit: --model must be bgnbd or paretonbd, got "bgbb".\n');
  });
});
