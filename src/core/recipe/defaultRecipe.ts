import { defaultRegistry } from '../models/defaultRegistry';
import type { ModelRegistry } from '../models/ModelRegistry';
import type { RoleMap } from '../roles/Role';
import type { Recipe } from './Recipe';
import { validateRecipe } from './validateRecipe';

/**
 * A starting recipe: the given model kinds with their default settings (ids = kinds).
 * Kinds whose settings have required fields (e.g. `rules`) need them passed in `settings`.
 *
 * @example
 * const recipe = defaultRecipe({ customerId: 'Customer' }, ['rfm', 'value', 'lifecycle']);
 */
export function defaultRecipe(
  roles: RoleMap,
  kinds: string[] = ['rfm', 'value', 'lifecycle'],
  options: { name?: string; seed?: number; settings?: Record<string, Record<string, unknown>>; registry?: ModelRegistry } = {},
): Recipe {
  return validateRecipe(
    {
      version: 1,
      name: options.name ?? 'Customer segments',
      roles,
      seed: options.seed ?? 1,
      models: kinds.map((kind) => ({ id: kind, kind, settings: options.settings?.[kind] ?? {} })),
    },
    options.registry ?? defaultRegistry,
  );
}
