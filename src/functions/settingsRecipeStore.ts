import type { Recipe } from '../core/recipe/Recipe';
import type { RecipeStore } from './RecipeStore';

/** What the store needs from `Office.context.document.settings`, so tests can pass a fake. */
export interface SettingsLike {
  get(name: string): unknown;
  /** Registers a handler for settings saved elsewhere (co-authoring, another instance). */
  onChanged?(handler: () => void): void;
}

/** The document setting that holds the workbook's recipes (a JSON array). */
export const RECIPES_SETTING = 'segmentkit.recipes';

export interface SettingsRecipeStore extends RecipeStore {
  /** Tells the functions a recipe was saved in this runtime (the task pane calls it after saving). */
  changed(): void;
}

/**
 * A RecipeStore over the workbook's document settings, which travel with the file. The
 * settings object is fetched lazily because Office is ready only after `Office.onReady`.
 *
 * @example
 * const store = settingsRecipeStore(async () => ({ get: (name) => workbookSettings.get(name) }));
 */
export function settingsRecipeStore(settings: () => Promise<SettingsLike>): SettingsRecipeStore {
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());
  let watching = false;
  return {
    async loadRecipes(): Promise<Recipe[]> {
      const s = await settings();
      if (!watching && s.onChanged) {
        watching = true;
        s.onChanged(notify);
      }
      const stored = s.get(RECIPES_SETTING);
      const parsed: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
      return Array.isArray(parsed) ? (parsed as Recipe[]) : [];
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changed: notify,
  };
}
