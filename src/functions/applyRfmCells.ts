import type { ModelResult } from '../core/models/SegmentModel';
import { applyRecipe } from '../core/recipe/runRecipe';
import type { RfmSource } from './resolveRfmModel';
import { rfmCustomerTable } from './rfmCustomerTable';

/**
 * Runs the engine's RFM model (via `applyRecipe`) on plain recency / frequency / monetary
 * arrays with stored parameters: the one implementation of banding and rule matching.
 */
export function applyRfmCells(source: RfmSource, recency: Float64Array, frequency: Float64Array, monetary: Float64Array): ModelResult {
  const customers = rfmCustomerTable(recency, frequency, monetary);
  const { fitted } = source;
  const settings = { scale: fitted.scale, returns: 'gross', recencyColumn: 'recency', frequencyColumn: 'frequency', monetaryColumn: 'monetary', otherName: fitted.otherName };
  const recipe = { version: 1, name: 'SK functions', roles: {}, seed: 1, models: [{ id: 'rfm', kind: 'rfm', settings, fitted }], segmentNames: { rfm: source.renames } };
  return applyRecipe(customers, recipe)[0];
}
