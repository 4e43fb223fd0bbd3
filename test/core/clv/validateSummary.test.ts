import { fitBgNbd } from '../../../src/core/clv/fitBgNbd';
import { fitGammaGamma } from '../../../src/core/clv/fitGammaGamma';
import { summaryFromColumns } from '../../../src/core/clv/summaryFromColumns';
import type { TimeUnit } from '../../../src/core/clv/TimeUnit';

const make = (x: number[], tx: number[], T: number[], timeUnit: TimeUnit = 'week', zbar?: number[]) =>
  summaryFromColumns(
    [
      { name: 'frequency', values: Float64Array.from(x) },
      { name: 'recency', values: Float64Array.from(tx) },
      { name: 'T', values: Float64Array.from(T) },
      ...(zbar ? [{ name: 'monetary_value', values: Float64Array.from(zbar) }] : []),
    ],
    { timeUnit },
  );

describe('bad summaries are rejected with exact errors', () => {
  it.each([
    ['E_CLV_TOO_FEW_CUSTOMERS', make([1], [2], [3]), 'Only 1 customer(s) have a purchase in the calibration period. A CLV model needs many customers (hundreds or more); check the calibration end date and the customer column.'],
    ['E_CLV_NO_REPEAT', make([0, 0, 0], [0, 0, 0], [5, 6, 7]), 'All 3 customers bought once (frequency 0 for everyone). Repeat purchases are what the model learns from: use a longer calibration period, or check that the date column is mapped and that purchases are not merged per customer.'],
    ['E_CLV_RECENCY_AFTER_T', make([1, 2], [3, 9], [5, 8]), 'column "T", row 2: Customer row 2 has T = 8 smaller than recency t_x = 9. T runs from the first purchase to the calibration end, so it is at least the recency; check that both columns use the same unit and calibration end.'],
    ['E_CLV_INVALID_VALUE', make([1, -1], [3, 2], [5, 8]), 'column "frequency", row 2: Customer row 2 has frequency = -1; it must be a number ≥ 0. Fix or remove that row (a customer with no purchase in the calibration period belongs outside the summary).'],
    ['E_CLV_INVALID_VALUE', make([1, 1], [3, NaN], [5, 8]), 'column "recency", row 2: Customer row 2 has recency = NaN; it must be a number ≥ 0. Fix or remove that row (a customer with no purchase in the calibration period belongs outside the summary).'],
    ['E_CLV_FREQUENCY_NOT_INTEGER', make([1.5, 1], [3, 2], [5, 8]), 'column "frequency", row 1: Frequency 1.5 of customer row 1 is not a whole number. Frequency counts repeat purchase days (distinct purchase days − 1), so it must be 0, 1, 2, …'],
    ['E_CLV_TIME_UNIT', make([1, 2], [100, 150], [1904, 189]), 'column "T": T reaches 1904 weeks, more than 520; the values look like they are in a smaller unit than "week". Declare the unit the recency and T columns are really in (for example "day"), or convert them.'],
  ])('%s', (code, summary, message) => {
    expect(() => fitBgNbd(summary)).toThrow(expect.objectContaining({ code, message }));
  });

  it('Gamma-Gamma rejects a repeat customer without positive spend', () => {
    expect(() => fitGammaGamma(make([1, 2, 0], [1, 2, 0], [3, 4, 5], 'week', [10, 0, 0]))).toThrow(
      expect.objectContaining({
        code: 'E_CLV_SPEND_NOT_POSITIVE',
        message: 'column "monetary_value", row 2: Customer row 2 has x = 2 repeat purchases with mean spend 0. Gamma-Gamma needs a positive mean spend and a whole number of repeat purchases; remove returns-only or free-order customers first.',
      }),
    );
    expect(() => fitGammaGamma(make([1, 0], [1, 0], [3, 5], 'week', [10, 0]))).toThrow(expect.objectContaining({ code: 'E_CLV_TOO_FEW_CUSTOMERS' }));
  });
});

describe('summaryFromColumns', () => {
  it('recognises both namings', () => {
    const a = make([2], [30.43], [38.86]);
    const b = summaryFromColumns([
      { name: 'x', values: Float64Array.of(2) },
      { name: 't_x', values: Float64Array.of(30.43) },
      { name: 'T', values: Float64Array.of(38.86) },
      { name: 'zbar', values: Float64Array.of(22.35) },
    ]);
    expect([a.x[0], a.tx[0], a.T[0]]).toEqual([b.x[0], b.tx[0], b.T[0]]);
    expect(Number.isNaN(a.monetary[0])).toBe(true);
    expect(b.monetary[0]).toBe(22.35);
  });

  it('names the missing column', () => {
    expect(() => summaryFromColumns([{ name: 'frequency', values: Float64Array.of(1) }, { name: 'T', values: Float64Array.of(2) }])).toThrow(
      expect.objectContaining({
        code: 'E_CLV_COLUMN_MISSING',
        message: 'column "recency": No "recency" or "t_x" column in the summary table. Name the columns (frequency, recency, T, monetary_value) or (x, t_x, T, zbar); columns present: frequency, T.',
      }),
    );
  });
});
