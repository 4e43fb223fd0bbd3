import { fitBgNbd } from '../../src/core/clv/fitBgNbd';
import { fitGammaGamma } from '../../src/core/clv/fitGammaGamma';
import type { ClvModel } from '../../src/core/clv/ClvModel';
import { scoreClv } from '../../src/core/clv/scoreClv';
import { summaryFromTransactions } from '../../src/core/clv/summaryFromTransactions';
import { createRng } from '../../src/core/random/createRng';
import { sampleBeta, sampleExponential, sampleGamma } from '../../src/core/random/distributions';
import type { BenchRow } from './BenchRow';

const CUSTOMERS = 1_048_576;
/** BG/NBD in days with the CDNOW weekly estimates (α × 7), 90 days of acquisition, 1 year of data. */
const TRUE = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
const CALIBRATION_END = 272;
const OBSERVATION_END = 364;

function simulate(): { customerCodes: Int32Array; days: Float64Array; amounts: Float64Array; rows: number } {
  const rng = createRng(20240606);
  let capacity = 4 * CUSTOMERS;
  let customerCodes = new Int32Array(capacity);
  let days = new Float64Array(capacity);
  let amounts = new Float64Array(capacity);
  let rows = 0;
  const push = (c: number, d: number, v: number): void => {
    if (rows === capacity) {
      capacity *= 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(capacity);
        b.set(a);
        return b;
      };
      customerCodes = grow(customerCodes, (n) => new Int32Array(n));
      days = grow(days, (n) => new Float64Array(n));
      amounts = grow(amounts, (n) => new Float64Array(n));
    }
    customerCodes[rows] = c;
    days[rows] = d;
    amounts[rows] = v;
    rows++;
  };
  for (let c = 0; c < CUSTOMERS; c++) {
    const lambda = sampleGamma(rng, TRUE.r, 1 / TRUE.alpha);
    const p = sampleBeta(rng, TRUE.a, TRUE.b);
    const nu = sampleGamma(rng, 3.74, 1 / 15.44);
    let t = rng.int(90);
    push(c, t, sampleGamma(rng, 6.25, 1 / nu));
    // BG/NBD: the dropout coin is tossed after each repeat purchase, not after the first one.
    for (;;) {
      t += sampleExponential(rng, lambda);
      if (t > OBSERVATION_END) break;
      push(c, Math.floor(t), sampleGamma(rng, 6.25, 1 / nu));
      if (rng.next() < p) break;
    }
  }
  return { customerCodes: customerCodes.subarray(0, rows), days: days.subarray(0, rows), amounts: amounts.subarray(0, rows), rows };
}

/** Simulates 1,048,576 BG/NBD customers, then times summary + fits (target 5 s) and scoring (target 1 s). */
export default async function clvBench(): Promise<BenchRow[]> {
  const tx = simulate();
  const size = `${CUSTOMERS.toLocaleString('en-US')} customers, ${tx.rows.toLocaleString('en-US')} rows`;
  const t0 = performance.now();
  const summary = summaryFromTransactions({ ...tx, customerCount: CUSTOMERS, calibrationEnd: CALIBRATION_END, observationEnd: OBSERVATION_END, timeUnit: 'day' });
  const t1 = performance.now();
  const bg = fitBgNbd(summary);
  const t2 = performance.now();
  const gg = fitGammaGamma(summary);
  const t3 = performance.now();
  const model: ClvModel = {
    version: 1,
    model: 'bgnbd',
    params: bg.params,
    timeUnit: 'day',
    logLikelihood: bg.logLikelihood,
    converged: bg.converged,
    iterations: bg.iterations,
    gradientNorm: bg.gradientNorm,
    gammaGamma: { params: gg.params, logLikelihood: gg.logLikelihood, converged: gg.converged, iterations: gg.iterations, correlation: gg.correlation, warnings: gg.warnings },
  };
  const t4 = performance.now();
  scoreClv(model, summary, { horizon: 365, discountRate: 0.0003, margin: 0.3 });
  const t5 = performance.now();
  const p = bg.params;
  const fitNote = `BG/NBD r ${p.r.toFixed(3)} α ${p.alpha.toFixed(2)} a ${p.a.toFixed(3)} b ${p.b.toFixed(3)} (true ${TRUE.r}, ${TRUE.alpha.toFixed(2)}, ${TRUE.a}, ${TRUE.b}), ${bg.iterations} iterations, ${bg.uniqueRows.toLocaleString('en-US')} distinct rows, converged ${bg.converged}; Gamma-Gamma p ${gg.params.p.toFixed(2)} q ${gg.params.q.toFixed(2)} γ ${gg.params.gamma.toFixed(2)} on ${gg.customers.toLocaleString('en-US')} repeaters`;
  return [
    { area: 'clv', case: 'summary from transactions (days)', size, seconds: (t1 - t0) / 1000 },
    { area: 'clv', case: 'BG/NBD fit', size, seconds: (t2 - t1) / 1000, note: fitNote },
    { area: 'clv', case: 'Gamma-Gamma fit', size, seconds: (t3 - t2) / 1000 },
    { area: 'clv', case: 'summary + BG/NBD + Gamma-Gamma', size, seconds: (t3 - t0) / 1000, targetSeconds: 5 },
    { area: 'clv', case: 'score P(alive), purchases, spend, CLV (365 days)', size, seconds: (t5 - t4) / 1000, targetSeconds: 1 },
  ];
}
