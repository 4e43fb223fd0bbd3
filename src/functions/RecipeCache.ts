import type { Recipe } from '../core/recipe/Recipe';
import type { RecipeStore } from './RecipeStore';

/**
 * Reads the recipes once and keeps them until the store reports a change, so a recalculation
 * of 10,000 formulas reads the workbook's settings once, not 10,000 times.
 *
 * @example
 * const cache = new RecipeCache(store);
 * await cache.recipes(); // reads the store; later calls reuse it until the recipe changes
 */
export class RecipeCache {
  private current: Promise<Recipe[]> | undefined;
  private generationCount = 0;

  constructor(private readonly store: RecipeStore) {
    store.onChange(() => {
      this.current = undefined;
      this.generationCount++;
    });
  }

  recipes(): Promise<Recipe[]> {
    if (!this.current) {
      const loading = this.store.loadRecipes();
      this.current = loading;
      // A failed read must not stick: the next call tries again.
      loading.catch(() => {
        if (this.current === loading) this.current = undefined;
      });
    }
    return this.current;
  }

  /** Increases on every change: batches and derived caches key on it. */
  get generation(): number {
    return this.generationCount;
  }
}
