/**
 * Splits the text a user types to pick a model: "Shop 2024" (a recipe), "Shop 2024/clusters"
 * (a model in a recipe) or "/clusters" (a model id in any recipe).
 *
 * @example
 * parseModelSelector('Shop 2024/clusters'); // { recipe: 'Shop 2024', model: 'clusters' }
 */
export function parseModelSelector(text: string): { recipe?: string; model?: string } {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return { recipe: text.trim() };
  const recipe = text.slice(0, slash).trim();
  const model = text.slice(slash + 1).trim();
  return { ...(recipe ? { recipe } : {}), ...(model ? { model } : {}) };
}
