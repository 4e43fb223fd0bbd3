import type { ModelSpec, Recipe } from '../core/recipe/Recipe';
import { functionError, type FunctionError } from './FunctionError';

export interface ModelQuery {
  /** Recipe name; the first recipe holding a matching model when absent. */
  recipe?: string;
  /** Model id inside the recipe; the first matching model when absent. */
  model?: string;
  /** Accepted model kinds; any kind when absent. */
  kinds?: readonly string[];
  /** How errors name what was looked for, e.g. `RFM model`. */
  what: string;
}

export interface FoundModel {
  recipe: Recipe;
  spec: ModelSpec;
  index: number;
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Finds a fitted model among the workbook's recipes by recipe name and model id (both matched
 * without regard to case). Only models with fitted parameters qualify: functions never refit.
 *
 * @example
 * findModel(recipes, { recipe: 'Shop 2024', kinds: ['kmeans'], what: 'k-means model' });
 */
export function findModel(recipes: readonly Recipe[], query: ModelQuery): FoundModel | FunctionError {
  if (recipes.length === 0) return functionError('notAvailable', 'this workbook has no SegmentKit recipe yet; run a segmentation in the SegmentKit pane first');
  const inRecipes = query.recipe === undefined ? recipes : recipes.filter((r) => same(r.name, query.recipe as string));
  if (inRecipes.length === 0) {
    return functionError('notAvailable', `no recipe is named "${query.recipe}"; recipes in this workbook: ${recipes.map((r) => r.name).join(', ')}`);
  }
  for (const recipe of inRecipes) {
    for (let index = 0; index < recipe.models.length; index++) {
      const spec = recipe.models[index];
      if (query.model !== undefined && !same(spec.id, query.model)) continue;
      if (query.kinds && !query.kinds.includes(spec.kind)) {
        if (query.model !== undefined) return functionError('invalidValue', `model "${spec.id}" is of kind ${spec.kind}; this function needs a ${query.what}`);
        continue;
      }
      if (!spec.fitted) return functionError('notAvailable', `model "${spec.id}" has not been run yet; run the recipe in the SegmentKit pane first`);
      return { recipe, spec, index };
    }
  }
  const where = query.recipe === undefined ? "in this workbook's recipes" : `in recipe "${query.recipe}"`;
  if (query.model !== undefined) return functionError('notAvailable', `no model with id "${query.model}" ${where}`);
  return functionError('notAvailable', `no fitted ${query.what} ${where}`);
}
