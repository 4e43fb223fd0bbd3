import { DuckDBInstance } from '@duckdb/node-api';
import { bgNbdPAlive } from '../../src/core/clv/bgNbdPredictions';
import type { ClvModel } from '../../src/core/clv/ClvModel';
import { DAYS_PER_UNIT } from '../../src/core/clv/TimeUnit';
import { clvToSql } from '../../src/sql/clvToSql';
import { sqlDialect } from '../../src/sql/SqlDialect';

// CDNOW BG/NBD parameters (Fader, Hardie & Lee 2005), weeks.
const model: ClvModel = { model: 'bgnbd', params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, version: 1, timeUnit: 'week', logLikelihood: 0, converged: true, iterations: 1, gradientNorm: 0 };

describe('clvToSql', () => {
  it('computes BG/NBD P(alive) in DuckDB as bgNbdPAlive does (1e-12 relative), 1 without repeat purchases, NULL without purchases', async () => {
    const asOf = 272;
    const customers: [number | null, number | null, number][] = [[0, 0, 1], [10, 200, 3], [5, 260, 12], [100, 101, 2], [null, null, 0]];
    const d = sqlDialect('duckdb');
    const col = clvToSql(d, model, d.number(asOf), 'p_alive');
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const values = customers.map(([f, l, n]) => `(${f ?? 'NULL'}::DOUBLE, ${l ?? 'NULL'}::DOUBLE, ${n}::DOUBLE)`).join(', ');
    const got = (await con.runAndReadAll(`SELECT ${col.expr} FROM (VALUES ${values}) v(first_purchase, last_purchase, purchase_days)`)).getRows().map((r) => r[0]);
    con.closeSync();
    inst.closeSync();
    const unit = DAYS_PER_UNIT.week;
    customers.forEach(([f, l, n], i) => {
      if (n === 0) return expect(got[i]).toBeNull();
      const want = bgNbdPAlive(model.params, n - 1, (l! - f!) / unit, (asOf - f!) / unit);
      expect(Math.abs((got[i] as number) - want)).toBeLessThan(1e-12 * want);
    });
    expect(got[0]).toBe(1);
  });
});
