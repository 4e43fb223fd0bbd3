import type { CustomerTable } from '../core/customers/CustomerTable';
import { CUSTOMER_FIELDS } from '../core/customers/CustomerTable';
import type { ModelResult } from '../core/models/SegmentModel';
import { checkSegmentQuality } from '../core/quality/checkSegmentQuality';
import { SK_PREFIX } from '../core/results/Outputs';
import { CODE_MISSING, findColumn, type Column } from '../core/table/Table';
import { QUALITY_CRITERIA, type ChartData, type ModelKind, type ModelOutcome, type PlaybookEntry } from '../taskpane/services/SegmentKitServices';

const MAX_FEATURES = 6;
const TRAITS = 2;

/**
 * The small, serialisable view of one model run the taskpane shows: segment rows with traits,
 * the five quality verdicts, chart data and the playbook in use.
 *
 * @example
 * summarizeModel(customers, result, 'rfm', playbook, pareto).segments[0].name; // 'Champions'
 */
export function summarizeModel(customers: CustomerTable, result: ModelResult, kind: ModelKind, playbook: PlaybookEntry[], pareto: ChartData['pareto']): ModelOutcome {
  const { profile } = result;
  const segments = profile.segments.map((s, index) => ({ index, name: s.name, size: s.size, share: s.share, value: s.value, valueShare: s.valueShare, traits: traitsOf(s) }));
  const quality = checkSegmentQuality({
    labels: result.labels,
    segmentNames: result.segmentNames,
    features: numericFeatures(customers),
    reachable: reachable(customers),
    playbookSegments: playbook.filter((e) => e.channel.trim() !== '').map((e) => e.segment),
    ...(typeof result.json.silhouette === 'number' ? { silhouette: result.json.silhouette } : {}),
  });
  const charts: ChartData = { pareto };
  if (kind === 'rfm') charts.rfmGrid = rfmGrid(result, Number(result.json.scale) || 5);
  if (Array.isArray(result.json.candidates)) charts.kCandidates = result.json.candidates as ChartData['kCandidates'];
  return {
    modelId: result.modelId,
    kind,
    segments,
    quality: QUALITY_CRITERIA.map((criterion) => ({ criterion, ok: quality[criterion].ok, detail: quality[criterion].detail })),
    charts,
    playbook,
    warnings: result.warnings.map((w) => w.message),
    unassigned: profile.unassigned,
  };
}

/** Features whose segment mean differs most from everyone's, and dominant categories. */
function traitsOf(s: ModelResult['profile']['segments'][number]): string[] {
  const lifts = Object.entries(s.features)
    .filter(([, f]) => f.lift !== null && f.lift > 0)
    .map(([name, f]) => ({ name, lift: f.lift as number }))
    .sort((a, b) => Math.abs(Math.log(b.lift)) - Math.abs(Math.log(a.lift)))
    .slice(0, TRAITS)
    .filter((f) => Math.abs(Math.log(f.lift)) > Math.log(1.15))
    .map((f) => `${f.name} ×${f.lift >= 10 ? f.lift.toFixed(0) : f.lift.toFixed(1)}`);
  const categories = Object.entries(s.topCategories)
    .map(([name, list]) => ({ name, top: list[0] }))
    .filter((c) => c.top && c.top.share >= 0.5)
    .slice(0, 1)
    .map((c) => `${c.name}: ${c.top.value} ${Math.round(c.top.share * 100)}%`);
  return [...lifts, ...categories];
}

function numericFeatures(customers: CustomerTable): { name: string; values: Float64Array }[] {
  return customers.table.columns
    .filter((c): c is Extract<Column, { type: 'number' }> => c.type === 'number')
    .slice(0, MAX_FEATURES)
    .map((c) => ({ name: c.name, values: c.values }));
}

/** A customer is reachable with a preferred channel, or when they contacted support before. */
function reachable(customers: CustomerTable): Uint8Array | undefined {
  const channel = customers.roles.channel ? findColumn(customers.table, customers.roles.channel) : undefined;
  const contacts = findColumn(customers.table, CUSTOMER_FIELDS.contactsTotal);
  if (!channel && !contacts) return undefined;
  const n = customers.table.rowCount;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const byChannel = channel && 'codes' in channel ? channel.codes[i] !== CODE_MISSING : false;
    const byContact = contacts && contacts.type === 'number' ? contacts.values[i] > 0 : false;
    out[i] = byChannel || byContact ? 1 : 0;
  }
  return out;
}

/** Customers per recency score × frequency score, read off the model's own R and F columns. */
function rfmGrid(result: ModelResult, scale: number): number[][] | undefined {
  const r = result.columns.find((c) => c.header === `${SK_PREFIX}R`)?.values;
  const f = result.columns.find((c) => c.header === `${SK_PREFIX}F`)?.values;
  if (!r || !f) return undefined;
  const grid = Array.from({ length: scale }, () => new Array<number>(scale).fill(0));
  for (let i = 0; i < r.length; i++) {
    const ri = Number(r[i]);
    const fi = Number(f[i]);
    if (ri >= 1 && ri <= scale && fi >= 1 && fi <= scale) grid[ri - 1][fi - 1]++;
  }
  return grid;
}
