import { CUSTOMER_FIELDS, type CustomerTable } from '../../customers/CustomerTable';
import type { SettingsSchema } from '../../recipe/SettingsSchema';
import { SK_PREFIX, type CellValue } from '../../results/Outputs';
import { findColumn } from '../../table/Table';
import { buildModelResult } from '../buildModelResult';
import { contactColumns, customerValue, inputColumn, numericValues } from '../customerInputs';
import { bandOf, quantileCuts, quantilesOf } from '../quantileCuts';
import type { SegmentModel } from '../SegmentModel';

export interface BehaviorSettings {
  /** Upsell / cross-sell candidates: value at or above this quantile … */
  upsellValueQuantile: number;
  /** … and at most this many distinct products / categories. */
  maxProducts: number;
}

export interface BehaviorFitted {
  /** Tertile cuts of contacts per order among customers with contacts (Low / Medium / High). */
  intensityCuts: number[];
  /** Tertile cuts of product usage (Light / Regular / Heavy). */
  usageCuts: number[];
  upsellValueMin: number | null;
}

export const BEHAVIOR_SETTINGS_SCHEMA: SettingsSchema = {
  upsellValueQuantile: { type: 'number', min: 0.5, max: 0.99, default: 0.75 },
  maxProducts: { type: 'integer', min: 1, max: 100, default: 2 },
};

const INTENSITY = ['No contacts', 'Low contact', 'Medium contact', 'High contact'];
const USAGE = ['Light', 'Regular', 'Heavy'];

interface BehaviorInputs {
  contacts?: Float64Array;
  perOrder?: Float64Array;
  perMonth?: Float64Array;
  usage?: Float64Array;
  value?: Float64Array;
}

function inputs(customers: CustomerTable, asOf: number): BehaviorInputs {
  const n = customers.table.rowCount;
  let contacts = numericValues(inputColumn(customers, undefined, 'supportContacts', CUSTOMER_FIELDS.contactsTotal));
  if (!contacts) {
    const channels = contactColumns(customers);
    if (channels.length) {
      contacts = new Float64Array(n);
      for (const c of channels) for (let i = 0; i < n; i++) contacts[i] += Number.isNaN(c.values[i]) ? 0 : c.values[i];
    }
  }
  const orders = numericValues(findColumn(customers.table, CUSTOMER_FIELDS.orders));
  const start = inputColumn(customers, undefined, 'signupDate', CUSTOMER_FIELDS.firstPurchase);
  let perOrder: Float64Array | undefined;
  let perMonth: Float64Array | undefined;
  if (contacts) {
    perOrder = new Float64Array(n);
    perMonth = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) perOrder[i] = contacts[i] === 0 ? 0 : contacts[i] / Math.max(1, orders ? orders[i] : 1);
    if (start?.type === 'date') for (let i = 0; i < n; i++) perMonth[i] = contacts[i] / Math.max(1, (asOf - start.values[i]) / 30.4375);
  }
  const usage = numericValues(inputColumn(customers, undefined, 'appUsage', CUSTOMER_FIELDS.distinctProducts));
  return { contacts, perOrder, perMonth, usage, value: customerValue(customers, 'net')?.values };
}

/**
 * Behavioural extras: support-contact intensity (contacts per order, banded in tertiles of
 * customers who contacted support), product usage bands (distinct products or an app-usage
 * column) and upsell / cross-sell candidates (high value, few products).
 */
export const behaviorModel: SegmentModel<BehaviorSettings, BehaviorFitted> = {
  kind: 'behavior',
  label: 'Behaviour',
  settingsSchema: BEHAVIOR_SETTINGS_SCHEMA,
  requires(customers) {
    return inputs(customers, customers.asOf).contacts ? [] : ['Behavioural extras need support contacts (a ticket sheet or a support contacts column)'];
  },
  fit(customers, s, ctx) {
    const got = inputs(customers, ctx.asOf);
    const withContacts = got.perOrder ? got.perOrder.filter((x) => x > 0) : new Float64Array(0);
    const [upsellValueMin = null] = got.value ? quantilesOf(got.value, [Math.round(s.upsellValueQuantile * 100)], 100) : [];
    return {
      intensityCuts: quantileCuts(withContacts, 3),
      usageCuts: got.usage ? quantileCuts(got.usage, 3) : [],
      upsellValueMin,
    };
  },
  apply(customers, s, fitted, ctx) {
    const got = inputs(customers, ctx.asOf);
    const n = customers.table.rowCount;
    const labels = new Int32Array(n);
    const usageBand: CellValue[] = new Array(n);
    const upsell: CellValue[] = new Array(n);
    let missing = 0;
    for (let i = 0; i < n; i++) {
      const x = got.perOrder ? got.perOrder[i] : NaN;
      if (Number.isNaN(x)) {
        labels[i] = -1;
        missing++;
      } else labels[i] = x === 0 ? 0 : bandOf(x, fitted.intensityCuts);
      const u = got.usage ? got.usage[i] : NaN;
      usageBand[i] = Number.isNaN(u) ? null : USAGE[bandOf(u, fitted.usageCuts) - 1];
      const v = got.value ? got.value[i] : NaN;
      upsell[i] = fitted.upsellValueMin !== null && !Number.isNaN(v) && !Number.isNaN(u) ? v >= fitted.upsellValueMin && u <= s.maxProducts : null;
    }
    const warnings = missing ? [{ code: 'W_BEHAVIOR_MISSING', message: `${missing} customers have no support contact count and got no intensity band`, count: missing }] : [];
    return buildModelResult(customers, ctx, {
      kind: 'behavior',
      label: 'Behaviour',
      segmentNames: INTENSITY,
      labels,
      columns: [
        { header: `${SK_PREFIX}Contacts per order`, values: got.perOrder ?? new Float64Array(n).fill(NaN), numberFormat: '0.00' },
        { header: `${SK_PREFIX}Contacts per month`, values: got.perMonth ?? new Float64Array(n).fill(NaN), numberFormat: '0.00' },
        { header: `${SK_PREFIX}Usage band`, values: usageBand },
        { header: `${SK_PREFIX}Upsell candidate`, values: upsell },
      ],
      value: got.value,
      valueLabel: 'net revenue',
      json: { ...fitted },
      warnings,
    });
  },
};
