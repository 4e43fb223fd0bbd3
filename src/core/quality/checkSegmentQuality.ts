import { SegmentKitError } from '../errors/SegmentKitError';

export interface QualityThresholds {
  /** Smallest acceptable segment share of assigned customers (default 0.02). */
  minShare: number;
  /** Smallest acceptable segment size (default 30). */
  minSize: number;
  /** Share of customers with all model inputs present (default 0.9). */
  minMeasurable: number;
  /** The best feature's η² must reach this (default 0.14, Cohen's "large" effect). */
  minEtaSquared: number;
  /** When a silhouette is given it must reach this too (default 0.25, "weak but real structure"). */
  minSilhouette: number;
  /** Share of customers with a reachable channel (default 0.8). */
  minAccessible: number;
  /** Share of segments with a playbook entry (default 1: every segment has a plan). */
  minActionable: number;
}

export const DEFAULT_QUALITY_THRESHOLDS: Readonly<QualityThresholds> = {
  minShare: 0.02, minSize: 30, minMeasurable: 0.9, minEtaSquared: 0.14, minSilhouette: 0.25, minAccessible: 0.8, minActionable: 1,
};

export interface SegmentQualityInput {
  /** Segment code per customer into `segmentNames`; -1 = unassigned. */
  labels: Int32Array;
  segmentNames: string[];
  /** Numeric features for differentiability (NaN = missing, skipped and counted). */
  features: { name: string; values: Float64Array }[];
  /** 1 when every input of the model was present for the customer; without it, "assigned" is used. */
  inputsPresent?: Uint8Array;
  /** 1 when the customer has a reachable channel or contact data. */
  reachable?: Uint8Array;
  /** Names of segments that have a playbook entry. */
  playbookSegments?: string[];
  silhouette?: number;
  thresholds?: Partial<QualityThresholds>;
}

export interface QualityVerdict {
  ok: boolean;
  /** The number behind the verdict (NaN when the criterion could not be checked). */
  value: number;
  detail: string;
}

export interface SegmentQuality {
  measurable: QualityVerdict;
  substantial: QualityVerdict;
  differentiable: QualityVerdict;
  accessible: QualityVerdict;
  actionable: QualityVerdict;
  /** η² (between-segment / total sum of squares) per feature, over assigned customers with a value. */
  etaSquared: { feature: string; value: number; skipped: number }[];
  /** Customers per segment. */
  sizes: number[];
}

/**
 * The five classic segment-quality criteria (Kotler): measurable, substantial, differentiable,
 * accessible, actionable, each as a verdict with the number behind it, for any model's result.
 *
 * @example
 * const q = checkSegmentQuality({ labels, segmentNames: ['Champions', 'At risk'], features: [{ name: 'monetary', values: m }] });
 * q.substantial; // { ok: false, value: 0.012, detail: 'At risk has 12 customers (1.2 %) ...' }
 */
export function checkSegmentQuality(input: SegmentQualityInput): SegmentQuality {
  const t: QualityThresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...input.thresholds };
  validate(input, t);
  const { labels, segmentNames } = input;
  const n = labels.length;
  const k = segmentNames.length;
  const sizes = new Array<number>(k).fill(0);
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] >= 0) {
      sizes[labels[i]]++;
      assigned++;
    }
  }

  const present = input.inputsPresent ? countOnes(input.inputsPresent) : assigned;
  const measurableShare = n > 0 ? present / n : 0;
  const measurable = {
    ok: measurableShare >= t.minMeasurable,
    value: measurableShare,
    detail: `${present} of ${n} customers (${pct(measurableShare)}) have ${input.inputsPresent ? 'all model inputs' : 'a segment'}; at least ${pct(t.minMeasurable)} needed`,
  };

  const small = segmentNames
    .map((name, s) => ({ name, size: sizes[s], share: assigned > 0 ? sizes[s] / assigned : 0 }))
    .filter((s) => s.share < t.minShare || s.size < t.minSize);
  const smallestShare = assigned > 0 && k > 0 ? Math.min(...sizes) / assigned : 0;
  const substantial = {
    ok: small.length === 0 && k > 0,
    value: smallestShare,
    detail: small.length === 0
      ? `every segment has at least ${t.minSize} customers and ${pct(t.minShare)} of assigned customers (smallest ${pct(smallestShare)})`
      : `too small: ${small.map((s) => `${s.name} (${s.size} customers, ${pct(s.share)})`).join(', ')}; each needs ${t.minSize} customers and ${pct(t.minShare)}`,
  };

  const etaSquared = input.features.map((f) => ({ feature: f.name, ...etaSquaredOf(f.values, labels, k) }));
  const best = etaSquared.reduce((b, e) => (e.value > b.value ? e : b), { feature: '', value: 0, skipped: 0 });
  const mean = etaSquared.length ? etaSquared.reduce((s, e) => s + e.value, 0) / etaSquared.length : 0;
  const silhouetteOk = input.silhouette === undefined || input.silhouette >= t.minSilhouette;
  const differentiable = {
    ok: etaSquared.length > 0 && best.value >= t.minEtaSquared && silhouetteOk,
    value: best.value,
    detail: etaSquared.length === 0
      ? 'no numeric features were given to compare segments on'
      : `best η² ${best.value.toFixed(3)} (${best.feature}), mean η² ${mean.toFixed(3)}; at least ${t.minEtaSquared} needed`
        + (input.silhouette === undefined ? '' : `; silhouette ${input.silhouette.toFixed(3)} (at least ${t.minSilhouette})`),
  };

  let accessible: QualityVerdict;
  if (input.reachable) {
    const reach = countOnes(input.reachable);
    const share = n > 0 ? reach / n : 0;
    accessible = { ok: share >= t.minAccessible, value: share, detail: `${reach} of ${n} customers (${pct(share)}) have a reachable channel; at least ${pct(t.minAccessible)} needed` };
  } else {
    accessible = { ok: false, value: NaN, detail: 'not checked: no contact or channel data was given' };
  }

  let actionable: QualityVerdict;
  if (input.playbookSegments) {
    const covered = new Set(input.playbookSegments);
    const missing = segmentNames.filter((s) => !covered.has(s));
    const share = k > 0 ? (k - missing.length) / k : 0;
    actionable = {
      ok: share >= t.minActionable,
      value: share,
      detail: missing.length === 0 ? `all ${k} segments have a playbook entry` : `no playbook entry for: ${missing.join(', ')}`,
    };
  } else {
    actionable = { ok: false, value: 0, detail: 'no playbook was given, so no segment has a plan' };
  }
  return { measurable, substantial, differentiable, accessible, actionable, etaSquared, sizes };
}

function etaSquaredOf(values: Float64Array, labels: Int32Array, k: number): { value: number; skipped: number } {
  const sum = new Float64Array(k);
  const count = new Float64Array(k);
  let total = 0;
  let used = 0;
  let skipped = 0;
  for (let i = 0; i < labels.length; i++) {
    const g = labels[i];
    const v = values[i];
    if (g < 0 || Number.isNaN(v)) {
      skipped++;
      continue;
    }
    sum[g] += v;
    count[g]++;
    total += v;
    used++;
  }
  if (used === 0) return { value: 0, skipped };
  const mean = total / used;
  let ssTotal = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0 || Number.isNaN(values[i])) continue;
    const e = values[i] - mean;
    ssTotal += e * e;
  }
  let ssBetween = 0;
  for (let g = 0; g < k; g++) {
    if (count[g] === 0) continue;
    const e = sum[g] / count[g] - mean;
    ssBetween += count[g] * e * e;
  }
  // A constant feature cannot separate anyone.
  return { value: ssTotal > 0 ? ssBetween / ssTotal : 0, skipped };
}

function validate(input: SegmentQualityInput, t: QualityThresholds): void {
  const n = input.labels.length;
  const k = input.segmentNames.length;
  for (let i = 0; i < n; i++) {
    const g = input.labels[i];
    if (g < -1 || g >= k) {
      throw new SegmentKitError('E_QUALITY_LABEL', `Segment code ${g} has no name (there are ${k} segment names)`, { location: { row: i + 2 }, hint: 'Pass the segment names of the model that produced the labels; use -1 for unassigned customers.' });
    }
  }
  const columns: [string, { length: number } | undefined][] = [
    ...input.features.map((f): [string, { length: number }] => [f.name, f.values]),
    ['inputsPresent', input.inputsPresent],
    ['reachable', input.reachable],
  ];
  for (const [name, col] of columns) {
    if (col && col.length !== n) {
      throw new SegmentKitError('E_QUALITY_LENGTH', `The column has ${col.length} rows but there are ${n} labels`, { location: { column: name }, hint: 'Pass columns of the same customers as the labels.' });
    }
  }
  for (const [name, value] of Object.entries(t)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (name !== 'minSize' && value > 1)) {
      throw new SegmentKitError('E_QUALITY_THRESHOLD', `The threshold ${name} must be ${name === 'minSize' ? 'a number of at least 0' : 'a share from 0 to 1'}, not ${String(value)}`, { location: { path: `thresholds.${name}` }, hint: 'Leave it out to use the default.' });
    }
  }
}

function countOnes(flags: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] === 1) c++;
  return c;
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
