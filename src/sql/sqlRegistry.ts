import { defaultRegistry } from '../core/models/defaultRegistry';
import { kmeansModel } from '../core/models/kmeans/kmeansModel';
import { ModelRegistry } from '../core/models/ModelRegistry';

/** The kinds the SQL compiler knows: the default registry's plus k-means (registered here if absent). */
export function sqlRegistry(): ModelRegistry {
  const registry = new ModelRegistry();
  for (const kind of defaultRegistry.kinds()) registry.register(defaultRegistry.find(kind)!);
  if (!registry.has(kmeansModel.kind)) registry.register(kmeansModel);
  return registry;
}
