import type { Recipe } from '../core/recipe/Recipe';
import type { RecipeStore } from './RecipeStore';

/**
 * Recipes held in memory: the store of tests, the playground and the CLI. `save` replaces the
 * recipes and notifies listeners the way a workbook settings change does in Excel.
 *
 * @example
 * const store = new MemoryRecipeStore([recipe]);
 * store.save([changedRecipe]); // cached functions re-read the recipes
 */
export class MemoryRecipeStore implements RecipeStore {
  private recipes: Recipe[];
  private readonly listeners = new Set<() => void>();
  /** How many times the recipes were read: lets tests see the cache working. */
  loads = 0;

  constructor(recipes: Recipe[] = []) {
    this.recipes = recipes;
  }

  async loadRecipes(): Promise<Recipe[]> {
    this.loads++;
    return this.recipes;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  save(recipes: Recipe[]): void {
    this.recipes = recipes;
    for (const listener of this.listeners) listener();
  }
}
