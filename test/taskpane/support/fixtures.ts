import type { Detection, RunOutcome, SheetInfo } from '../../../src/taskpane/services/SegmentKitServices';

export const SHEETS: SheetInfo[] = [
  { name: 'Customers', rowCount: 2001, columnCount: 14, active: true },
  { name: 'Orders', rowCount: 15000, columnCount: 8, active: false },
  { name: 'Tickets', rowCount: 3000, columnCount: 5, active: false },
];

export const DETECTION: Detection = {
  sheets: [
    {
      sheet: 'Orders',
      kind: 'orders',
      shape: 'transactions',
      rowCount: 14999,
      columns: ['invoice_id', 'customer_id', 'order_date', 'amount'],
      roles: [
        { column: 'invoice_id', role: 'orderId', confidence: 0.95, reason: 'header "invoice_id" names an order id' },
        { column: 'customer_id', role: 'customerId', confidence: 0.95, reason: 'header names a customer id' },
        { column: 'order_date', role: 'date', confidence: 0.95, reason: 'dates' },
        { column: 'amount', role: 'amount', confidence: 0.7, reason: 'money' },
      ],
      findings: [{ code: 'W_NEGATIVE_AMOUNT', message: 'negative amounts (returns)', count: 12, cells: ['Orders!H17', 'Orders!H90'] }],
    },
  ],
};

export const OUTCOME: RunOutcome = {
  customers: 2000,
  notes: [],
  models: [
    {
      modelId: 'rfm',
      kind: 'rfm',
      unassigned: 0,
      warnings: [],
      charts: { pareto: [{ x: 0, y: 0 }, { x: 0.2, y: 0.7 }, { x: 1, y: 1 }], rfmGrid: [[1, 2], [3, 4]] },
      quality: [
        { criterion: 'measurable', ok: true, detail: 'all inputs present' },
        { criterion: 'substantial', ok: true, detail: 'every segment ≥ 2 %' },
        { criterion: 'differentiable', ok: true, detail: 'η² 0.6' },
        { criterion: 'accessible', ok: false, detail: 'not checked' },
        { criterion: 'actionable', ok: false, detail: 'no playbook' },
      ],
      segments: [
        { index: 0, name: 'Champions', size: 400, share: 0.2, value: 90000, valueShare: 0.6, traits: ['frequency ×3.1'] },
        { index: 1, name: 'Hibernating', size: 1600, share: 0.8, value: 60000, valueShare: 0.4, traits: ['recency days ×2.0'] },
      ],
      playbook: [
        { segment: 'Champions', channel: 'phone', tone: 'warm', priority: 'P1', queue: 'VIP', resources: '' },
        { segment: 'Hibernating', channel: 'email', tone: 'friendly', priority: 'P3', queue: 'General', resources: 'FAQ' },
      ],
    },
  ],
};
