import { MODEL_KINDS, type ModelKind, type ModelStep, type NotebookRecipe } from '../services/SegmentKitServices';

/** Settings each model step starts with; the engine validates them again against its schema. */
export const DEFAULT_SETTINGS: Record<ModelKind, Record<string, unknown>> = {
  rfm: { scale: 5 },
  value: { costPerContact: { phone: 6, email: 2.5, chat: 1.5, social: 2, self_service: 0.1, other: 2.5 }, tierA: 0.8 },
  clv: { horizonMonths: 12, discountPercent: 10 },
  lifecycle: { newDays: 90, atRiskDays: 120, lapsedDays: 365 },
  kmeans: { k: 'auto', kMax: 8, features: ['recency', 'frequency', 'monetary'] },
  demographic: {},
  technographic: {},
  rules: {
    rules: [
      { name: 'Big spenders', when: 'revenue >= 1000' },
      { name: 'Frequent callers', when: 'contacts_phone >= 3' },
    ],
  },
};

/**
 * A fresh notebook: no sheets chosen yet, every model listed, RFM switched on.
 *
 * @example
 * defaultRecipe().models.find((m) => m.kind === 'rfm')?.enabled; // true
 */
export function defaultRecipe(): NotebookRecipe {
  const models: ModelStep[] = MODEL_KINDS.map((kind) => ({ id: kind, kind, enabled: kind === 'rfm', settings: structuredCloneJson(DEFAULT_SETTINGS[kind]) }));
  return {
    version: 1,
    name: 'SegmentKit notebook',
    sources: {},
    roles: {},
    models,
    playbooks: {},
    outputs: { columns: true, summarySheets: true, pivotTable: false, charts: true, playbook: true },
  };
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
