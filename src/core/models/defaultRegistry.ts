import { rulesModel } from '../rules/rulesModel';
import { behaviorModel } from './behavior/behaviorModel';
import { clvModel } from './clv/clvModel';
import { demographicModel, technographicModel } from './descriptive/descriptiveModel';
import { kmeansModel } from './kmeans/kmeansModel';
import { lifecycleModel } from './lifecycle/lifecycleModel';
import { ModelRegistry } from './ModelRegistry';
import { rfmModel } from './rfm/rfmModel';
import type { SegmentModel } from './SegmentModel';
import { valueModel } from './value/valueModel';

/** The registry recipes use unless told otherwise: the built-in kinds plus anything registered. */
export const defaultRegistry = new ModelRegistry()
  .register(rfmModel)
  .register(valueModel)
  .register(lifecycleModel)
  .register(behaviorModel)
  .register(rulesModel)
  .register(kmeansModel)
  .register(demographicModel)
  .register(technographicModel)
  .register(clvModel);

/**
 * Plugs a new model kind (k-means, CLV, demographic, technographic…) into the default registry.
 *
 * @example
 * registerModel(kmeansModel); // recipes may now use { kind: 'kmeans', ... }
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerModel(model: SegmentModel<any, any>): void {
  defaultRegistry.register(model);
}
