import type { Recipe } from '../core/recipe/Recipe';

/**
 * Where the functions read the workbook's recipes from. In Excel the adapter in src/excel
 * provides it (custom XML parts, workbookRecipeStore); tests and the playground use `MemoryRecipeStore`.
 */
export interface RecipeStore {
  /** Every recipe stored in the workbook, in the order they were saved. */
  loadRecipes(): Promise<Recipe[]>;
  /** Calls `listener` whenever a stored recipe changes; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}
