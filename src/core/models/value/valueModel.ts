import { sortPositiveAscending } from '../../stats/sortPositiveAscending';
import { CUSTOMER_FIELDS, type CustomerTable } from '../../customers/CustomerTable';
import type { SettingsSchema } from '../../recipe/SettingsSchema';
import { recipeError } from '../../recipe/validateSettings';
import { SK_PREFIX, type CellValue } from '../../results/Outputs';
import { findColumn } from '../../table/Table';
import { buildModelResult } from '../buildModelResult';
import { contactColumns, customerValue, numericValues } from '../customerInputs';
import { bandOf, quantileCuts } from '../quantileCuts';
import type { SegmentModel } from '../SegmentModel';

export interface ValueSettings {
  returns: 'net' | 'gross';
  /** A margin (or other value) column instead of revenue. */
  valueColumn?: string;
  /** Cost per support contact by channel; `other` prices a total-only contacts column. */
  costPerContact: Record<string, number>;
  /** Cumulative value share closing tier A and tier B (C is the rest). */
  tierA: number;
  tierB: number;
  /** Tiers by 'value' (historic) or 'net' (value − cost to serve). */
  tierBasis: 'value' | 'net';
  curvePoints: number;
}

export interface ValueFitted {
  /** A customer is in tier A when basis ≥ aMin, in B when ≥ bMin (ties at a boundary stay together). */
  aMin: number;
  bMin: number;
  decileCuts: number[];
  costPerContact: Record<string, number>;
}

/**
 * Illustrative costs per contact (currency units) to edit for your own support operation; they
 * only rank channels plausibly (a phone call costs more than a chat, self-service almost nothing).
 */
export const DEFAULT_COST_PER_CONTACT: Record<string, number> = { phone: 6, email: 2.5, chat: 1.5, social: 2, self_service: 0.1, other: 2.5 };

export const VALUE_SETTINGS_SCHEMA: SettingsSchema = {
  returns: { type: 'enum', values: ['net', 'gross'], default: 'net' },
  valueColumn: { type: 'string', optional: true },
  costPerContact: { type: 'map', values: { type: 'number', min: 0 }, default: DEFAULT_COST_PER_CONTACT },
  tierA: { type: 'number', min: 0.01, max: 0.99, default: 0.8 },
  tierB: { type: 'number', min: 0.02, max: 1, default: 0.95 },
  tierBasis: { type: 'enum', values: ['value', 'net'], default: 'value' },
  curvePoints: { type: 'integer', min: 10, max: 1000, default: 100 },
};

interface ValueInputs {
  value: Float64Array;
  source: string;
  cost: Float64Array;
  net: Float64Array;
  hasContacts: boolean;
}

function inputs(customers: CustomerTable, s: ValueSettings): ValueInputs | undefined {
  const v = customerValue(customers, s.returns, s.valueColumn);
  if (!v) return undefined;
  const n = v.values.length;
  const cost = new Float64Array(n);
  const channels = contactColumns(customers);
  for (const { channel, values } of channels) {
    const price = s.costPerContact[channel] ?? s.costPerContact.other ?? 0;
    for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) cost[i] += values[i] * price;
  }
  let hasContacts = channels.length > 0;
  if (!hasContacts) {
    const totalName = customers.roles.supportContacts ?? CUSTOMER_FIELDS.contactsTotal;
    const total = numericValues(findColumn(customers.table, totalName));
    if (total) {
      hasContacts = true;
      const price = s.costPerContact.other ?? 0;
      for (let i = 0; i < n; i++) if (!Number.isNaN(total[i])) cost[i] += total[i] * price;
    }
  }
  const net = new Float64Array(n);
  for (let i = 0; i < n; i++) net[i] = v.values[i] - cost[i];
  return { value: v.values, source: v.source, cost, net, hasContacts };
}

/**
 * The positive values, ascending: walked from the end they are the descending order both the
 * tiers and the curve accumulate in. Zero and negative values add nothing to a running share of
 * positive value, so they are never sorted.
 */
function positivesAscending(basis: Float64Array): Float64Array {
  let m = 0;
  for (let i = 0; i < basis.length; i++) if (basis[i] > 0) m++;
  const pos = new Float64Array(m);
  m = 0;
  for (let i = 0; i < basis.length; i++) if (basis[i] > 0) pos[m++] = basis[i];
  return sortPositiveAscending(pos);
}

/** Value descending; customers with no positive value never count toward tier A or B. */
function tierThresholds(basis: Float64Array, a: number, b: number): { aMin: number; bMin: number } {
  // The total runs in row order, as it always has: the thresholds compare against it to the bit.
  let total = 0;
  for (let i = 0; i < basis.length; i++) if (basis[i] > 0) total += basis[i];
  const pos = positivesAscending(basis);
  const m = pos.length;
  if (m === 0) return { aMin: Infinity, bMin: Infinity };
  let cum = 0;
  let aMin = NaN;
  let bMin = NaN;
  for (let j = m - 1; j >= 0; j--) {
    cum += pos[j];
    // A relative tolerance keeps "exactly 80 %" in floating point from spilling one customer over.
    if (Number.isNaN(aMin) && cum >= a * total * (1 - 1e-12)) aMin = pos[j];
    if (Number.isNaN(bMin) && cum >= b * total * (1 - 1e-12)) {
      bMin = pos[j];
      break;
    }
  }
  return { aMin, bMin: Number.isNaN(bMin) ? pos[0] : bMin };
}

function percentLabel(x: number): string {
  return `${Math.round(x * 1000) / 10} %`;
}

/**
 * Historic value, cost to serve (contacts by channel × cost per contact), net value, value
 * deciles (10 = top) and Pareto / ABC tiers: A is the smallest set of customers, by value
 * descending, holding `tierA` (80 %) of the positive value, B the next customers up to `tierB`
 * (95 %), C the rest. Customers tied with the last one in A join A, so a tier never splits
 * equal values; the fitted tier boundaries are values, so new rows are tiered without refitting.
 */
export const valueModel: SegmentModel<ValueSettings, ValueFitted> = {
  kind: 'value',
  label: 'Value',
  settingsSchema: VALUE_SETTINGS_SCHEMA,
  requires(customers, s) {
    return customerValue(customers, s.returns, s.valueColumn) ? [] : ['Value tiers need an amount, revenue or margin column'];
  },
  fit(customers, s, ctx) {
    if (s.tierB <= s.tierA) throw recipeError(`${ctx.settingsPath}.tierB`, `a share above tierA (${s.tierA})`, s.tierB);
    const got = inputs(customers, s)!;
    const basis = s.tierBasis === 'net' ? got.net : got.value;
    return { ...tierThresholds(basis, s.tierA, s.tierB), decileCuts: quantileCuts(got.value, 10), costPerContact: { ...s.costPerContact } };
  },
  apply(customers, s, fitted, ctx) {
    const got = inputs(customers, { ...s, costPerContact: fitted.costPerContact })!;
    const basis = s.tierBasis === 'net' ? got.net : got.value;
    const n = basis.length;
    const labels = new Int32Array(n);
    const decile = new Float64Array(n);
    const tierText: CellValue[] = new Array(n);
    const names = [`A · top ${percentLabel(s.tierA)}`, `B · next ${percentLabel(s.tierB - s.tierA)}`, `C · rest ${percentLabel(1 - s.tierB)}`];
    let missing = 0;
    for (let i = 0; i < n; i++) {
      const x = basis[i];
      if (Number.isNaN(x)) {
        labels[i] = -1;
        decile[i] = NaN;
        tierText[i] = null;
        missing++;
        continue;
      }
      labels[i] = x >= fitted.aMin ? 0 : x >= fitted.bMin ? 1 : 2;
      tierText[i] = 'ABC'[labels[i]];
      decile[i] = bandOf(got.value[i], fitted.decileCuts) || NaN;
    }
    const curve = concentrationCurve(basis, s.curvePoints);
    const warnings = [];
    if (missing) warnings.push({ code: 'W_VALUE_MISSING', message: `${missing} customers have no value and got no tier`, count: missing });
    if (!got.hasContacts) warnings.push({ code: 'W_NO_CONTACTS', message: 'No support contact columns were found, so cost to serve is 0 for everyone' });
    return buildModelResult(customers, ctx, {
      kind: 'value',
      label: 'Value',
      segmentNames: names,
      labels,
      columns: [
        { header: `${SK_PREFIX}Value tier`, values: tierText },
        { header: `${SK_PREFIX}Value`, values: got.value, numberFormat: '#,##0.00' },
        { header: `${SK_PREFIX}Cost to serve`, values: got.cost, numberFormat: '#,##0.00' },
        { header: `${SK_PREFIX}Net value`, values: got.net, numberFormat: '#,##0.00' },
        { header: `${SK_PREFIX}Value decile`, values: decile, numberFormat: '0' },
      ],
      value: basis,
      valueLabel: s.tierBasis === 'net' ? 'net value' : got.source,
      features: [
        { name: 'value', values: got.value },
        { name: 'cost to serve', values: got.cost },
        { name: 'net value', values: got.net },
      ],
      tables: [{ title: 'Value concentration', headers: ['Share of customers', 'Share of value'], rows: curve, numberFormats: ['0%', '0.0%'] }],
      charts: [{ title: 'Value concentration (Pareto curve)', kind: 'line', table: 'Value concentration', categoryColumn: 'Share of customers', valueColumns: ['Share of value'] }],
      json: { tiers: { aMin: fitted.aMin, bMin: fitted.bMin, tierA: s.tierA, tierB: s.tierB }, decileCuts: fitted.decileCuts, costPerContact: fitted.costPerContact, concentration: curve },
      warnings,
    });
  },
};

/**
 * Lorenz-style concentration: after sorting by value descending, the share of total positive
 * value held by the top x % of customers, at `points` + 1 evenly spaced x.
 */
export function concentrationCurve(basis: Float64Array, points: number): [number, number][] {
  let m = 0;
  for (let i = 0; i < basis.length; i++) if (!Number.isNaN(basis[i])) m++;
  const pos = positivesAscending(basis);
  const p = pos.length;
  // cum[j] = value of the j customers with the most value; past the positives it stays the total.
  const cum = new Float64Array(p + 1);
  for (let j = 0; j < p; j++) cum[j + 1] = cum[j] + pos[p - 1 - j];
  const total = cum[p];
  const out: [number, number][] = [];
  for (let q = 0; q <= points; q++) {
    const x = q / points;
    out.push([x, total > 0 ? cum[Math.min(Math.round(x * m), p)] / total : 0]);
  }
  return out;
}
