import { createRng } from '../../../src/core/random/createRng';
import { fitBgNbd } from '../../../src/core/clv/fitBgNbd';
import { fitGammaGamma } from '../../../src/core/clv/fitGammaGamma';
import { summaryFromTransactions } from '../../../src/core/clv/summaryFromTransactions';
import { CALIBRATION_END, OBSERVATION_END, readCdnowCsv, readCdnowSample } from './readCdnow';

describe('summaryFromTransactions on CDNOW_sample.txt', () => {
  const tx = readCdnowSample();
  const summary = summaryFromTransactions({ ...tx, calibrationEnd: CALIBRATION_END, observationEnd: OBSERVATION_END, timeUnit: 'week' });
  const reference = readCdnowCsv('cdnow_customers_summary_with_transactions.csv');
  const col = (name: string): Float64Array => reference.values[reference.names.indexOf(name)];

  it('reproduces cdnow_customers_summary_with_transactions.csv row for row', () => {
    expect(tx.customerCount).toBe(2357);
    expect(summary.skippedRows).toBe(0);
    const ids = col('ID');
    for (let i = 0; i < 2357; i++) {
      const c = ids[i] - 1;
      expect(summary.included[c]).toBe(1);
      expect(summary.x[c]).toBe(col('x')[i]);
      expect(Math.abs(summary.tx[c] - col('t_x')[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.T[c] - col('T')[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.monetary[c] - col('zbar')[i])).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('counts holdout purchase days after 1997-09-30', () => {
    expect(summary.holdoutLength).toBeCloseTo(39, 10);
    const holdout = summary.holdoutPurchases as Float64Array;
    expect(holdout.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    expect(holdout.reduce((s, v) => s + v, 0)).toBeGreaterThan(0);
  });

  it('gives the same fits as the published summary', () => {
    const bg = fitBgNbd(summary);
    expect(Math.abs(bg.params.r - 0.2426)).toBeLessThan(0.001);
    expect(Math.abs(bg.params.alpha - 4.4135)).toBeLessThan(0.005);
    expect(Math.abs(bg.params.a - 0.7929)).toBeLessThan(0.002);
    expect(Math.abs(bg.params.b - 2.4258)).toBeLessThan(0.005);
    expect(Math.abs(bg.logLikelihood - -9582.4)).toBeLessThan(0.1);
    const gg = fitGammaGamma(summary);
    expect(gg.customers).toBe(946);
    expect(Math.abs(gg.params.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(gg.params.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(gg.params.gamma - 15.44)).toBeLessThan(0.02);
  });

  it('gives the same summary when the rows are shuffled', () => {
    const rng = createRng(7);
    const n = tx.days.length;
    const perm = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const shuffled = summaryFromTransactions({
      customerCodes: perm.map((i) => tx.customerCodes[i]),
      days: Float64Array.from(perm, (i) => tx.days[i]),
      amounts: Float64Array.from(perm, (i) => tx.amounts[i]),
      customerCount: tx.customerCount,
      calibrationEnd: CALIBRATION_END,
      observationEnd: OBSERVATION_END,
      timeUnit: 'week',
    });
    expect(Array.from(shuffled.x)).toEqual(Array.from(summary.x));
    expect(Array.from(shuffled.tx)).toEqual(Array.from(summary.tx));
    expect(Array.from(shuffled.T)).toEqual(Array.from(summary.T));
    expect(Array.from(shuffled.holdoutPurchases as Float64Array)).toEqual(Array.from(summary.holdoutPurchases as Float64Array));
    shuffled.monetary.forEach((m, i) => expect(m).toBeCloseTo(summary.monetary[i], 9));
  });
});

describe('summaryFromTransactions definitions', () => {
  const base = { customerCount: 3, calibrationEnd: 70, timeUnit: 'day' as const };

  it('merges same-day purchases, excludes the first day from spend and skips missing rows', () => {
    const s = summaryFromTransactions({
      ...base,
      customerCodes: Int32Array.from([0, 0, 0, 0, 0, 1, -1, 2, 0]),
      days: Float64Array.from([0, 0, 7, 7, 14, 80, 3, 5, NaN]),
      amounts: Float64Array.from([100, 1, 10, 20, 40, 5, 9, 8, 1]),
      observationEnd: 100,
    });
    expect([s.x[0], s.tx[0], s.T[0], s.monetary[0]]).toEqual([2, 14, 70, 35]);
    expect(s.included[1]).toBe(0);
    expect(Number.isNaN(s.x[1])).toBe(true);
    expect([s.x[2], s.tx[2], s.T[2], s.monetary[2]]).toEqual([0, 0, 65, 0]);
    expect(s.skippedRows).toBe(2);
  });

  it('converts to weeks and months', () => {
    const input = { customerCodes: Int32Array.from([0, 0]), days: Float64Array.from([0, 14]), amounts: Float64Array.from([1, 2]), customerCount: 1, calibrationEnd: 365.25 };
    expect(summaryFromTransactions({ ...input, timeUnit: 'week' }).tx[0]).toBe(2);
    expect(summaryFromTransactions({ ...input, timeUnit: 'month' }).T[0]).toBeCloseTo(12, 12);
  });

  it('rejects bad inputs with exact errors', () => {
    const ok = { ...base, customerCodes: Int32Array.from([0]), days: Float64Array.from([1]), amounts: Float64Array.from([1]) };
    expect(() => summaryFromTransactions({ ...ok, timeUnit: 'year' as never })).toThrow(
      expect.objectContaining({ code: 'E_CLV_TIME_UNIT', message: 'at timeUnit: Unknown time unit "year". Use "day", "week" or "month".' }),
    );
    expect(() => summaryFromTransactions({ ...ok, amounts: new Float64Array(2) })).toThrow(
      expect.objectContaining({
        code: 'E_CLV_LENGTH_MISMATCH',
        message: 'The transaction columns differ in length (customers 1, days 1, amounts 2). Pass one customer code, day and amount per transaction row.',
      }),
    );
    expect(() => summaryFromTransactions({ ...ok, customerCodes: Int32Array.from([3]) })).toThrow(
      expect.objectContaining({
        code: 'E_CLV_CUSTOMER_CODE',
        message: 'row 1: Customer code 3 is not below customerCount 3. Customer codes must be 0 … customerCount − 1 (−1 for a missing customer).',
      }),
    );
    expect(() => summaryFromTransactions({ ...ok, customerCount: 0 })).toThrow(expect.objectContaining({ code: 'E_CLV_CUSTOMER_COUNT' }));
    expect(() => summaryFromTransactions({ ...ok, calibrationEnd: NaN })).toThrow(
      expect.objectContaining({ code: 'E_CLV_CALIBRATION_END', message: 'at calibrationEnd: The calibration end is not a date. Pass the last day of the calibration period as a UTC day number.' }),
    );
    expect(() => summaryFromTransactions({ ...ok, observationEnd: 10 })).toThrow(
      expect.objectContaining({
        code: 'E_CLV_OBSERVATION_END',
        message: 'at observationEnd: The observation end is before the calibration end. The holdout period runs from the day after the calibration end to the observation end.',
      }),
    );
  });
});
