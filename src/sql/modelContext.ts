import type { ModelContext } from '../core/models/SegmentModel';
import { createRng } from '../core/random/createRng';
import type { Recipe } from '../core/recipe/Recipe';

/** FNV-1a of the model id, as `runRecipe` derives each model's random stream from its id. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The context `runRecipe` gives model `index`, so fits made outside it draw the same random numbers. */
export function modelContext(recipe: Recipe, index: number, asOf: number): ModelContext {
  const id = recipe.models[index].id;
  return { modelId: id, settingsPath: `models[${index}].settings`, rng: createRng((recipe.seed ^ hashId(id)) >>> 0), asOf, segmentNames: recipe.segmentNames?.[id] ?? {} };
}
