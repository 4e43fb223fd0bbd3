import type { ClvModel } from '../../clv/ClvModel';
import { fitClvModel } from '../../clv/fitClvModel';
import { scoreClv } from '../../clv/scoreClv';
import type { TimeUnit } from '../../clv/TimeUnit';
import type { SettingsSchema } from '../../recipe/SettingsSchema';
import { recipeError } from '../../recipe/validateSettings';
import { SK_PREFIX } from '../../results/Outputs';
import { buildModelResult } from '../buildModelResult';
import { quantilesOf } from '../quantileCuts';
import type { SegmentModel } from '../SegmentModel';
import { clvSummaryFromCustomers } from './clvSummaryFromCustomers';

export interface ClvSettings {
  model: 'bgnbd' | 'paretonbd';
  timeUnit: TimeUnit;
  /** Periods (in timeUnit) the CLV sums over. */
  horizon: number;
  /** Discount rate per period. */
  discountRate: number;
  /** Margin as a share of spend (1 = CLV in revenue). */
  margin: number;
  /** Share of active customers in the "High CLV" tier, and in "High" + "Medium" together. */
  highShare: number;
  mediumShare: number;
  /** Below this P(alive) a customer is "Likely lost", whatever the CLV. */
  lostBelow: number;
}

export interface ClvFitted {
  model: ClvModel;
  /** CLV at or above `high` is High CLV, at or above `medium` Medium CLV (among active customers). */
  cuts: { high: number; medium: number };
}

export const CLV_SEGMENTS = ['High CLV', 'Medium CLV', 'Low CLV', 'Likely lost'] as const;

export const CLV_SETTINGS_SCHEMA: SettingsSchema = {
  model: { type: 'enum', values: ['bgnbd', 'paretonbd'], default: 'bgnbd' },
  timeUnit: { type: 'enum', values: ['day', 'week', 'month'], default: 'week' },
  horizon: { type: 'integer', min: 1, max: 1200, default: 52 },
  // 10 % a year expressed per week: 1.1^(1/52) − 1.
  discountRate: { type: 'number', min: 0, max: 1, default: 0.00183 },
  margin: { type: 'number', min: 0, max: 1, default: 1 },
  highShare: { type: 'number', min: 0.01, max: 0.9, default: 0.2 },
  mediumShare: { type: 'number', min: 0.02, max: 0.99, default: 0.5 },
  lostBelow: { type: 'number', min: 0, max: 1, default: 0.3 },
};

/**
 * Predicted customer value as segments: BG/NBD (or Pareto/NBD) for purchases and P(alive),
 * Gamma-Gamma for spend, CLV = discounted expected margin over the horizon; tiers High /
 * Medium / Low CLV among active customers and "Likely lost" below a P(alive) threshold. The
 * fitted parameters are stored so `=SK.CLV()` and `=SK.PALIVE()` use the same model.
 */
export const clvModel: SegmentModel<ClvSettings, ClvFitted> = {
  kind: 'clv',
  label: 'CLV',
  settingsSchema: CLV_SETTINGS_SCHEMA,
  requires(customers, s) {
    return clvSummaryFromCustomers(customers, customers.asOf, s.timeUnit) ? [] : ['CLV needs order lines (transactions) with a customer id, a date and an amount'];
  },
  fit(customers, s, ctx) {
    if (s.mediumShare <= s.highShare) throw recipeError(`${ctx.settingsPath}.mediumShare`, `a share above highShare (${s.highShare})`, s.mediumShare);
    const summary = clvSummaryFromCustomers(customers, ctx.asOf, s.timeUnit)!;
    const model = fitClvModel(summary, { model: s.model });
    const scores = scoreClv(model, summary, { horizon: s.horizon, discountRate: s.discountRate, margin: s.margin });
    const active = scores.clv.map((v, i) => (scores.pAlive[i] >= s.lostBelow ? v : NaN));
    const [high = Infinity, medium = Infinity] = quantilesOf(active, [Math.round((1 - s.highShare) * 1000), Math.round((1 - s.mediumShare) * 1000)], 1000);
    return { model, cuts: { high, medium } };
  },
  apply(customers, s, fitted, ctx) {
    const summary = clvSummaryFromCustomers(customers, ctx.asOf, fitted.model.timeUnit)!;
    const scores = scoreClv(fitted.model, summary, { horizon: s.horizon, discountRate: s.discountRate, margin: s.margin });
    const n = customers.table.rowCount;
    const labels = new Int32Array(n);
    let missing = 0;
    for (let i = 0; i < n; i++) {
      const v = scores.clv[i];
      if (Number.isNaN(v) || Number.isNaN(scores.pAlive[i])) {
        labels[i] = -1;
        missing++;
      } else if (scores.pAlive[i] < s.lostBelow) labels[i] = 3;
      else labels[i] = v >= fitted.cuts.high ? 0 : v >= fitted.cuts.medium ? 1 : 2;
    }
    const m = fitted.model;
    const gg = m.gammaGamma;
    return buildModelResult(customers, ctx, {
      kind: 'clv',
      label: 'CLV',
      segmentNames: [...CLV_SEGMENTS],
      labels,
      columns: [
        { header: `${SK_PREFIX}P(alive)`, values: scores.pAlive, numberFormat: '0.00' },
        { header: `${SK_PREFIX}Expected purchases (${s.horizon} ${m.timeUnit}s)`, values: scores.expectedPurchases, numberFormat: '0.00' },
        { header: `${SK_PREFIX}Expected spend per purchase`, values: scores.expectedSpend, numberFormat: '#,##0.00' },
        { header: `${SK_PREFIX}CLV`, values: scores.clv, numberFormat: '#,##0.00' },
      ],
      value: scores.clv,
      valueLabel: 'CLV',
      features: [
        { name: 'P(alive)', values: scores.pAlive },
        { name: 'expected purchases', values: scores.expectedPurchases },
      ],
      tables: [
        {
          title: 'CLV model',
          headers: ['Parameter', 'Value'],
          rows: [
            ['purchase model', m.model],
            ['time unit', m.timeUnit],
            ...Object.entries(m.params).map(([k, v]) => [k, v] as [string, number]),
            ['log-likelihood', m.logLikelihood],
            ['converged', m.converged ? 'yes' : 'no'],
            ...(gg ? (Object.entries(gg.params).map(([k, v]) => [`gamma-gamma ${k}`, v]) as [string, number][]) : []),
            ['horizon', s.horizon],
            ['discount rate per period', s.discountRate],
            ['margin', s.margin],
          ],
        },
      ],
      json: {
        model: m.model,
        timeUnit: m.timeUnit,
        params: m.params,
        logLikelihood: m.logLikelihood,
        converged: m.converged,
        iterations: m.iterations,
        ...(gg ? { gammaGamma: { ...gg.params, logLikelihood: gg.logLikelihood } } : {}),
        horizon: s.horizon,
        discountRate: s.discountRate,
        cuts: fitted.cuts,
      },
      warnings: [
        ...(missing ? [{ code: 'W_CLV_MISSING', message: `${missing} customers have no purchase before the as-of date and got no CLV`, count: missing }] : []),
        ...(gg?.warnings ?? []).map((w) => ({ code: w.code, message: w.message })),
        ...(m.converged ? [] : [{ code: 'W_CLV_NOT_CONVERGED', message: 'The purchase model did not fully converge; treat P(alive) and CLV as rough' }]),
      ],
    });
  },
};
