import { defaultRegistry } from '../core/models/defaultRegistry';
import type { Recipe } from '../core/recipe/Recipe';
import { validateRecipe } from '../core/recipe/validateRecipe';
import { loadRecipes } from './recipeStore';

/**
 * The taskpane and the custom functions are separate bundles in one shared-runtime page, so
 * they share no module state: a recipe saved by the taskpane is announced as a window event.
 */
export const RECIPES_CHANGED_EVENT = 'segmentkit:recipes-changed';

type EventHost = { addEventListener?: (t: string, h: () => void) => void; removeEventListener?: (t: string, h: () => void) => void; dispatchEvent?: (e: Event) => boolean };

/** Tells every bundle in this runtime that the workbook's recipes changed. */
export function announceRecipesChanged(): void {
  const host = globalThis as EventHost;
  if (host.dispatchEvent && typeof Event === 'function') host.dispatchEvent(new Event(RECIPES_CHANGED_EVENT));
}

/**
 * The recipes the custom functions use: the workbook's custom XML parts (see recipeStore.ts),
 * only those this SegmentKit can run; reloaded when a recipe is saved in this runtime.
 *
 * @example
 * const sk = createFunctions(workbookRecipeStore());
 */
export function workbookRecipeStore(): { loadRecipes(): Promise<Recipe[]>; onChange(listener: () => void): () => void } {
  return {
    async loadRecipes() {
      const stored = await loadRecipes();
      // The taskpane also stores its notebook layout next to each recipe; only what validates
      // as a recipe is for the functions.
      const recipes: Recipe[] = [];
      for (const s of stored) {
        if (s.status !== 'current') continue;
        try {
          recipes.push(validateRecipe(s.recipe, defaultRegistry));
        } catch {
          continue;
        }
      }
      return recipes;
    },
    onChange(listener) {
      const host = globalThis as EventHost;
      host.addEventListener?.(RECIPES_CHANGED_EVENT, listener);
      return () => host.removeEventListener?.(RECIPES_CHANGED_EVENT, listener);
    },
  };
}
