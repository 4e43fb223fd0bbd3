import { chooseK, type ChooseKOptions, type ChooseKResult } from '../../cluster/chooseK';
import type { FeatureInput } from '../../cluster/FeatureInput';
import { fitKmeans, type FitKmeansOptions, type KmeansFit } from '../../cluster/fitKmeans';
import { assignKmeans } from '../../cluster/assignKmeans';
import type { KmeansModel } from '../../cluster/KmeansModel';
import { nameClusters } from '../../cluster/nameClusters';
import { prepareFeatures, type PreparedFeatures } from '../../cluster/prepareFeatures';
import { createRng } from '../../random/createRng';
import { silhouetteScore } from '../../cluster/silhouetteScore';
import { CUSTOMER_FIELDS, type CustomerTable } from '../../customers/CustomerTable';
import { SegmentKitError } from '../../errors/SegmentKitError';
import type { Role } from '../../roles/Role';
import type { SettingsSchema } from '../../recipe/SettingsSchema';
import { recipeError } from '../../recipe/validateSettings';
import { SK_PREFIX } from '../../results/Outputs';
import { findColumn } from '../../table/Table';
import { buildModelResult } from '../buildModelResult';
import { customerValue, daysBefore, numericValues } from '../customerInputs';
import type { ModelContext, SegmentModel } from '../SegmentModel';

export interface KmeansSettings {
  /** A whole number of clusters, or "auto" to pick k by silhouette between kMin and kMax. */
  k: string;
  kMin: number;
  kMax: number;
  /** Column names, or the derived `recency`, `frequency`, `monetary` of transaction data. */
  features: string[];
  /** Features to log-transform before standardising (skewed money and counts). */
  logFeatures: string[];
  missing: 'drop' | 'median';
  nInit: number;
  /** Category columns (or roles) one-hot encoded into the features, e.g. ['platform']. */
  categoryFeatures: string[];
}

export interface KmeansFitted {
  model: KmeansModel;
  names: string[];
  silhouette: number | null;
  silhouetteSampled: boolean;
  candidates: { k: number; inertia: number; silhouette: number }[] | null;
  /** Customers the candidates were computed on (a seeded sample above AUTO_K_SAMPLE). */
  candidatesRows: number | null;
}

export const AUTO_K_SAMPLE = 20_000;

export const KMEANS_SETTINGS_SCHEMA: SettingsSchema = {
  k: { type: 'string', default: 'auto', description: 'a whole number of clusters or "auto"' },
  kMin: { type: 'integer', min: 2, max: 30, default: 2 },
  kMax: { type: 'integer', min: 2, max: 30, default: 8 },
  features: { type: 'array', items: { type: 'string' }, minItems: 1, default: ['recency', 'frequency', 'monetary'] },
  logFeatures: { type: 'array', items: { type: 'string' }, default: ['frequency', 'monetary'] },
  missing: { type: 'enum', values: ['drop', 'median'], default: 'drop' },
  nInit: { type: 'integer', min: 1, max: 100, default: 10 },
  categoryFeatures: { type: 'array', items: { type: 'string' }, default: [] },
};

/** Words for the derived features in cluster names ("High spending · recent"). */
const FEATURE_WORDS: Record<string, string> = { recency: 'days since purchase', frequency: 'order count', monetary: 'spending' };

/** The three RFM inputs derived from transaction aggregates, so clustering works without set-up. */
function derived(customers: CustomerTable, name: string, asOf: number): Float64Array | undefined {
  const t = customers.table;
  if (name === 'recency') {
    const last = numericValues(findColumn(t, CUSTOMER_FIELDS.lastPurchase));
    return last ? daysBefore(last, asOf) : undefined;
  }
  if (name === 'frequency') return numericValues(findColumn(t, CUSTOMER_FIELDS.orders));
  if (name === 'monetary') return customerValue(customers, 'net')?.values;
  return undefined;
}

function featureInput(customers: CustomerTable, s: KmeansSettings, asOf: number, path: string): FeatureInput {
  const numeric = s.features.map((name, i) => {
    const column = findColumn(customers.table, name);
    const values = column ? numericValues(column) : derived(customers, name, asOf);
    if (!values) {
      const known = customers.table.columns.filter((c) => c.type === 'number').map((c) => c.name);
      throw new SegmentKitError('E_FEATURE_UNKNOWN', `k-means feature "${name}" is not a numeric column`, {
        location: { path: `${path}.features[${i}]` },
        hint: `Use recency, frequency, monetary or one of: ${known.slice(0, 12).join(', ')}.`,
      });
    }
    return { name, values, log: s.logFeatures.includes(name) };
  });
  const categories = s.categoryFeatures.map((name, i) => {
    const column = findColumn(customers.table, customers.roles[name as Role] ?? name) ?? findColumn(customers.table, name);
    if (!column || !('codes' in column)) {
      const known = customers.table.columns.filter((c) => c.type === 'category').map((c) => c.name);
      throw new SegmentKitError('E_FEATURE_UNKNOWN', `k-means category feature "${name}" is not a category column`, {
        location: { path: `${path}.categoryFeatures[${i}]` },
        hint: `Use one of: ${known.slice(0, 12).join(', ')}.`,
      });
    }
    return { name, codes: column.codes, dictionary: column.dictionary };
  });
  return categories.length ? { numeric, categories } : { numeric };
}

function parseK(s: KmeansSettings, path: string): number | 'auto' {
  if (s.k === 'auto') return 'auto';
  const k = Number(s.k);
  if (!/^\d+$/.test(s.k) || k < 1) throw recipeError(`${path}.k`, 'a whole number of clusters (1 or more) or "auto"', s.k);
  return k;
}

/**
 * {@link kmeansModel}'s fit in parts, so an adapter can run the expensive ones elsewhere (worker
 * threads) and hand them back: with k "auto", choosing k (`choose`, then `chosen`); then either
 * the fit is already complete (`fitted`: k chosen on few enough rows), or
 * `finish(fitKmeans(prepared, options))` completes it. Same customers, settings and context give
 * the same fitted parameters as `fit`, to the bit.
 *
 * @example
 * const plan = chooseKHere(kmeansFitStep(customers, settings, ctx));
 * const fitted = 'fitted' in plan ? plan.fitted : plan.finish(await fitKmeansInWorkers(plan.prepared, plan.options));
 */
export function kmeansFitStep(customers: CustomerTable, s: KmeansSettings, ctx: ModelContext): KmeansFitStep {
  const k = parseK(s, ctx.settingsPath);
  if (s.kMax < s.kMin) throw recipeError(`${ctx.settingsPath}.kMax`, `at least kMin (${s.kMin})`, s.kMax);
  const prepared = prepareFeatures(featureInput(customers, s, ctx.asOf, ctx.settingsPath), { missing: s.missing, constant: 'zero' });
  const seed = Math.floor(ctx.rng.next() * 2 ** 31);
  if (k !== 'auto' && k > prepared.n) {
    throw new SegmentKitError('E_KMEANS_K', `k is ${k} but only ${prepared.n} customers have all feature values`, {
      location: { path: `${ctx.settingsPath}.k` },
      hint: 'Choose fewer clusters, or "auto".',
    });
  }
  if (k === 'auto') {
    // Choosing k fits kMax − kMin + 1 models; above AUTO_K_SAMPLE customers that runs on a
    // seeded sample, then the chosen k is fitted once on everyone.
    const sample = prepared.n > AUTO_K_SAMPLE ? sampleRows(prepared, AUTO_K_SAMPLE, seed) : prepared;
    return {
      choose: { sample, options: { kMin: s.kMin, kMax: s.kMax, nInit: s.nInit, seed } },
      chosen(chosen: ChooseKResult): KmeansFitPlan {
        const best = chosen.candidates.find((c) => c.k === chosen.k);
        const complete = (model: KmeansModel): KmeansFitted => ({
          model,
          names: nameClusters(model, { labels: FEATURE_WORDS }),
          silhouette: best ? best.silhouette : null,
          silhouetteSampled: chosen.sampled || sample !== prepared,
          candidates: chosen.candidates,
          candidatesRows: sample.n,
        });
        if (sample === prepared) return { fitted: complete(chosen.fit.model) };
        return { prepared, options: { k: chosen.k, nInit: s.nInit, seed }, finish: (fit) => complete(fit.model) };
      },
    };
  }
  return {
    prepared,
    options: { k, nInit: s.nInit, seed },
    finish(fit) {
      const labels = new Int32Array(prepared.n);
      for (let r = 0; r < prepared.n; r++) labels[r] = fit.labels[prepared.rowIndex[r]];
      const sil = k >= 2 ? silhouetteScore(prepared.data, prepared.n, prepared.d, labels, { seed }) : null;
      return {
        model: fit.model,
        names: nameClusters(fit.model, { labels: FEATURE_WORDS }),
        silhouette: sil ? sil.score : null,
        silhouetteSampled: sil ? sil.sampled : false,
        candidates: null,
        candidatesRows: null,
      };
    },
  };
}

/** What is left of a k-means fit once k is known: nothing, or one k-means fit on all rows. */
export type KmeansFitPlan =
  | { fitted: KmeansFitted }
  | { prepared: PreparedFeatures; options: FitKmeansOptions; finish: (fit: KmeansFit) => KmeansFitted };

/**
 * What {@link kmeansFitStep} leaves to do: with k "auto", first choosing k (`chooseK` on
 * `choose.sample` with `choose.options`, which an adapter may spread over workers), whose
 * result `chosen` turns into the plan; otherwise the plan itself.
 */
export type KmeansFitStep =
  | KmeansFitPlan
  | { choose: { sample: PreparedFeatures; options: ChooseKOptions }; chosen: (result: ChooseKResult) => KmeansFitPlan };

/**
 * Chooses k in this thread when the step needs it.
 *
 * @example
 * const plan = chooseKHere(kmeansFitStep(customers, settings, ctx));
 */
export function chooseKHere(step: KmeansFitStep): KmeansFitPlan {
  return 'choose' in step ? step.chosen(chooseK(step.choose.sample, step.choose.options)) : step;
}

/**
 * k-means segmentation on any numeric features (RFM inputs by default), standardised with the
 * population standard deviation, k-means++ seeded from the recipe's generator, k chosen by
 * silhouette when asked. The fitted scaler and centroids are stored, so `apply` (and
 * `=SK.SEGMENT()`) assign new customers exactly as the training customers were.
 */
export const kmeansModel: SegmentModel<KmeansSettings, KmeansFitted> = {
  kind: 'kmeans',
  label: 'Clusters',
  settingsSchema: KMEANS_SETTINGS_SCHEMA,
  requires(customers, s) {
    const missing = [
      ...s.features.filter((f) => !findColumn(customers.table, f) && !derived(customers, f, customers.asOf)),
      ...s.categoryFeatures.filter((f) => !findColumn(customers.table, customers.roles[f as Role] ?? f) && !findColumn(customers.table, f)),
    ];
    return missing.length ? [`k-means needs numeric columns for ${missing.join(', ')} (or transaction data for recency, frequency and monetary)`] : [];
  },
  fit(customers, s, ctx) {
    const step = chooseKHere(kmeansFitStep(customers, s, ctx));
    return 'fitted' in step ? step.fitted : step.finish(fitKmeans(step.prepared, step.options));
  },
  apply(customers, s, fitted, ctx) {
    const input = featureInput(customers, s, ctx.asOf, ctx.settingsPath);
    const { labels, unassigned } = assignKmeans(fitted.model, input);
    const model = fitted.model;
    const centroids = model.centroidsOriginal.map((c, j) => ({ segment: fitted.names[j], ...Object.fromEntries(model.features.map((f, d) => [f, round(c[d])])) }));
    return buildModelResult(customers, ctx, {
      kind: 'kmeans',
      label: 'Clusters',
      segmentNames: fitted.names,
      labels,
      columns: [{ header: `${SK_PREFIX}Cluster`, values: Float64Array.from(labels, (l) => (l < 0 ? NaN : l + 1)), numberFormat: '0' }],
      value: customerValue(customers, 'net')?.values,
      valueLabel: 'net revenue',
      features: input.numeric.map((f) => ({ name: f.name, values: f.values })),
      tables: [
        { title: 'Cluster centres (original units)', headers: ['Segment', ...model.features], rows: model.centroidsOriginal.map((c, j) => [fitted.names[j], ...c.map(round)]) },
        ...(fitted.candidates
          ? [{ title: 'Choosing k', headers: ['k', 'Inertia', 'Silhouette'], rows: fitted.candidates.map((c) => [c.k, round(c.inertia), round(c.silhouette)]), numberFormats: ['0', '#,##0.0', '0.000'] }]
          : []),
      ],
      charts: fitted.candidates ? [{ title: 'Silhouette by k', kind: 'line', table: 'Choosing k', categoryColumn: 'k', valueColumns: ['Silhouette'] }] : [],
      json: {
        k: model.k,
        inertia: model.inertia,
        iterations: model.iterations,
        converged: model.converged,
        features: model.features,
        centroids,
        ...(fitted.silhouette !== null ? { silhouette: fitted.silhouette, silhouetteSampled: fitted.silhouetteSampled } : {}),
        ...(fitted.candidates ? { candidates: fitted.candidates, candidatesRows: fitted.candidatesRows } : {}),
      },
      warnings: unassigned ? [{ code: 'W_KMEANS_MISSING', message: `${unassigned} customers lack a feature value and got no cluster`, count: unassigned }] : [],
    });
  },
};

/** A seeded sample of prepared rows without replacement (partial Fisher–Yates). */
function sampleRows(prepared: PreparedFeatures, m: number, seed: number): PreparedFeatures {
  const rng = createRng(seed ^ 0x5bd1e995);
  const idx = Int32Array.from({ length: prepared.n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(prepared.n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  const chosen = idx.subarray(0, m).sort();
  const d = prepared.d;
  const data = new Float64Array(m * d);
  for (let r = 0; r < m; r++) data.set(prepared.data.subarray(chosen[r] * d, chosen[r] * d + d), r * d);
  return { ...prepared, data, n: m, rowCount: m, rowIndex: Int32Array.from({ length: m }, (_, i) => i), dropped: 0 };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
