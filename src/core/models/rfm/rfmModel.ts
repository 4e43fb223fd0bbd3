import { CUSTOMER_FIELDS, type CustomerTable } from '../../customers/CustomerTable';
import { recipeError } from '../../recipe/validateSettings';
import type { SettingsSchema } from '../../recipe/SettingsSchema';
import { SK_PREFIX } from '../../results/Outputs';
import { bandOf, quantileCuts } from '../quantileCuts';
import { buildModelResult } from '../buildModelResult';
import { customerValue, daysBefore, inputColumn, numericValues } from '../customerInputs';
import type { ModelContext, ModelResult, SegmentModel } from '../SegmentModel';
import { RFM_RULE_SETS, rfmRuleSet, type RfmRule, type RfmRuleSetName } from './rfmRuleSets';

export interface RfmSettings {
  /** Score levels: 5 (R rfm package, most tools) or 3 (e-mail tools' simpler groups). */
  scale: 5 | 3;
  /** 'net' subtracts returns from revenue, 'gross' ignores them. */
  returns: 'net' | 'gross';
  /** 'auto': rfm-package-0.3 for 5 levels, three-level for 3. */
  ruleSet: RfmRuleSetName | 'auto';
  rules?: RfmRule[];
  otherName: string;
  recencyColumn?: string;
  frequencyColumn?: string;
  monetaryColumn?: string;
  /** Fixed cut points instead of quantiles (scale − 1 ascending numbers per measure). */
  cutpoints?: { recency?: number[]; frequency?: number[]; monetary?: number[] };
}

export interface RfmFitted {
  scale: number;
  cutpoints: { recency: number[]; frequency: number[]; monetary: number[] };
  rules: RfmRule[];
  otherName: string;
}

const range = { type: 'array', items: { type: 'integer', min: 1, max: 5 }, minItems: 2, maxItems: 2 } as const;
const cutList = { type: 'array', items: { type: 'number' }, optional: true } as const;

export const RFM_SETTINGS_SCHEMA: SettingsSchema = {
  scale: { type: 'enum', values: [5, 3], default: 5 },
  returns: { type: 'enum', values: ['net', 'gross'], default: 'net' },
  ruleSet: { type: 'enum', values: ['auto', ...RFM_RULE_SETS], default: 'auto' },
  rules: { type: 'array', optional: true, minItems: 1, items: { type: 'object', fields: { name: { type: 'string' }, r: range, f: range, m: { ...range, default: [1, 5] } } } },
  otherName: { type: 'string', default: 'Others' },
  recencyColumn: { type: 'string', optional: true },
  frequencyColumn: { type: 'string', optional: true },
  monetaryColumn: { type: 'string', optional: true },
  cutpoints: { type: 'object', optional: true, fields: { recency: cutList, frequency: cutList, monetary: cutList } },
};

interface RfmInputs {
  recency?: Float64Array;
  frequency?: Float64Array;
  monetary?: Float64Array;
  monetarySource?: string;
}

function inputs(customers: CustomerTable, s: RfmSettings, asOf: number): RfmInputs {
  const rCol = inputColumn(customers, s.recencyColumn, 'lastActivity', CUSTOMER_FIELDS.lastPurchase);
  const rVals = numericValues(rCol);
  const recency = rVals && rCol?.type === 'date' ? daysBefore(rVals, asOf) : rVals;
  const frequency = numericValues(inputColumn(customers, s.frequencyColumn, undefined, CUSTOMER_FIELDS.orders));
  const value = customerValue(customers, s.returns, s.monetaryColumn);
  return { recency, frequency, monetary: value?.values, monetarySource: value?.source };
}

function resolveRules(s: RfmSettings, path: string): RfmRule[] {
  if (s.ruleSet === 'custom') {
    if (!s.rules) throw recipeError(`${path}.rules`, 'a list of rules when ruleSet is "custom"', undefined);
    return s.rules.map((r) => ({ name: r.name, r: [...r.r], f: [...r.f], m: [...r.m] }));
  }
  const name = s.ruleSet === 'auto' ? (s.scale === 3 ? 'three-level' : 'rfm-package-0.3') : s.ruleSet;
  const set = rfmRuleSet(name);
  const top = Math.max(...set.flatMap((r) => [r.r[1], r.f[1], r.m[1]]));
  if (top !== s.scale) throw recipeError(`${path}.ruleSet`, `a rule set for ${s.scale}-level scores`, name, 'Pick "three-level" for 3 levels, or set scale to 5.');
  return set;
}

function fixedCuts(list: number[] | undefined, scale: number, path: string): number[] | undefined {
  if (!list) return undefined;
  const ascending = list.every((v, i) => i === 0 || v > list[i - 1]);
  if (list.length !== scale - 1 || !ascending) throw recipeError(path, `${scale - 1} ascending numbers`, list);
  return [...list];
}

/**
 * Scores recency, frequency and monetary value 1..scale and names segments by an ordered rule
 * list (first match wins, leftovers get `otherName`), following the R `rfm` package 0.3.0:
 *
 * - recency = days from the last purchase (or last activity) to the as-of date; fewer days
 *   score higher. Frequency = orders, monetary = revenue (net of returns unless 'gross').
 * - cut points are type 7 quantiles at 1/b … (b−1)/b. The package moves every quantile up by 1
 *   and puts `x < q + 1` in the lower band: for whole days and whole orders that is exactly
 *   "x ≤ ceil(q) stays lower", which SegmentKit stores as the cut point `ceil(q)`. For money it
 *   keeps the plain quantile (x ≤ q stays lower), so scores do not depend on the currency unit.
 * - equal values always get equal scores, so a band can be empty when values pile up.
 * - rows scored later (`apply`) outside the fitted range are clamped to 1 or `scale`.
 */
export const rfmModel: SegmentModel<RfmSettings, RfmFitted> = {
  kind: 'rfm',
  label: 'RFM',
  settingsSchema: RFM_SETTINGS_SCHEMA,
  requires(customers, s) {
    const got = inputs(customers, s, customers.asOf);
    const out: string[] = [];
    if (!got.recency) out.push('RFM needs a last purchase or last activity date (or a recency column) for recency');
    if (!got.frequency) out.push('RFM needs an order count for frequency (aggregate transactions, or name the column in frequencyColumn)');
    if (!got.monetary) out.push('RFM needs an amount or revenue column for the monetary score');
    return out;
  },
  fit(customers, s, ctx) {
    const got = inputs(customers, s, ctx.asOf);
    const cuts = (v: Float64Array | undefined, whole: boolean) => {
      const q = v ? quantileCuts(v, s.scale) : [];
      return whole ? q.map((c) => Math.ceil(c)) : q;
    };
    const path = ctx.settingsPath;
    return {
      scale: s.scale,
      cutpoints: {
        recency: fixedCuts(s.cutpoints?.recency, s.scale, `${path}.cutpoints.recency`) ?? cuts(got.recency, true),
        frequency: fixedCuts(s.cutpoints?.frequency, s.scale, `${path}.cutpoints.frequency`) ?? cuts(got.frequency, true),
        monetary: fixedCuts(s.cutpoints?.monetary, s.scale, `${path}.cutpoints.monetary`) ?? cuts(got.monetary, false),
      },
      rules: resolveRules(s, path),
      otherName: s.otherName,
    };
  },
  apply(customers, s, fitted, ctx) {
    return applyRfm(customers, s, fitted, ctx);
  },
};

function applyRfm(customers: CustomerTable, s: RfmSettings, fitted: RfmFitted, ctx: ModelContext): ModelResult {
  const got = inputs(customers, s, ctx.asOf);
  const n = customers.table.rowCount;
  const nan = new Float64Array(n).fill(NaN);
  const recency = got.recency ?? nan;
  const frequency = got.frequency ?? nan;
  const monetary = got.monetary ?? nan;
  const scale = fitted.scale;
  const { rules } = fitted;
  const k = rules.length;
  const rLo = Int32Array.from(rules, (r) => r.r[0]);
  const rHi = Int32Array.from(rules, (r) => r.r[1]);
  const fLo = Int32Array.from(rules, (r) => r.f[0]);
  const fHi = Int32Array.from(rules, (r) => r.f[1]);
  const mLo = Int32Array.from(rules, (r) => r.m[0]);
  const mHi = Int32Array.from(rules, (r) => r.m[1]);
  const rs = new Float64Array(n);
  const fs = new Float64Array(n);
  const ms = new Float64Array(n);
  const score = new Float64Array(n);
  const labels = new Int32Array(n);
  let missing = 0;
  const { recency: rc, frequency: fc, monetary: mc } = fitted.cutpoints;
  for (let i = 0; i < n; i++) {
    const rb = bandOf(recency[i], rc);
    const fb = bandOf(frequency[i], fc);
    const mb = bandOf(monetary[i], mc);
    if (rb === 0 || fb === 0 || mb === 0) {
      rs[i] = fs[i] = ms[i] = score[i] = NaN;
      labels[i] = -1;
      missing++;
      continue;
    }
    const r = scale + 1 - rb;
    rs[i] = r;
    fs[i] = fb;
    ms[i] = mb;
    score[i] = r * 100 + fb * 10 + mb;
    let seg = k;
    for (let j = 0; j < k; j++) {
      if (r >= rLo[j] && r <= rHi[j] && fb >= fLo[j] && fb <= fHi[j] && mb >= mLo[j] && mb <= mHi[j]) {
        seg = j;
        break;
      }
    }
    labels[i] = seg;
  }
  const names = [...rules.map((r) => r.name), fitted.otherName];
  const warnings = missing
    ? [{ code: 'W_RFM_MISSING', message: `${missing} customers have no recency, frequency or monetary value and got no RFM segment`, count: missing }]
    : [];
  const cutRows = (['recency', 'frequency', 'monetary'] as const).map((m) => [m, ...fitted.cutpoints[m].map((c) => c)]);
  return buildModelResult(customers, ctx, {
    kind: 'rfm',
    label: 'RFM',
    segmentNames: names,
    labels,
    columns: [
      { header: `${SK_PREFIX}R`, values: rs, numberFormat: '0' },
      { header: `${SK_PREFIX}F`, values: fs, numberFormat: '0' },
      { header: `${SK_PREFIX}M`, values: ms, numberFormat: '0' },
      { header: `${SK_PREFIX}RFM score`, values: score, numberFormat: '0' },
      { header: `${SK_PREFIX}Recency (days)`, values: recency, numberFormat: '0' },
    ],
    value: monetary,
    valueLabel: got.monetarySource ?? 'monetary',
    features: [
      { name: 'recency days', values: recency },
      { name: 'frequency', values: frequency },
      { name: 'monetary', values: monetary },
    ],
    tables: [
      {
        title: 'RFM cut points',
        headers: ['Measure', ...fitted.cutpoints.recency.map((_, j) => `Cut ${j + 1}`)],
        rows: cutRows,
      },
    ],
    json: { scale, cutpoints: fitted.cutpoints, rules: fitted.rules },
    warnings,
  });
}
