import { SegmentKitError } from '../core/errors/SegmentKitError';
import { excelApi } from './excelHost';
import { announceRecipesChanged } from './workbookRecipeStore';

/**
 * Recipes live in custom XML parts, one part per named recipe. Chosen over document settings
 * because a custom XML part is a plain file inside the .xlsx (customXml/itemN.xml), readable by
 * the CLI and any tool without knowing the add-in's id, whereas settings sit in the add-in's
 * web-extension part, keyed to that add-in, with a small total size budget.
 */
export const RECIPE_NAMESPACE = 'urn:segmentkit:recipe';

/** The recipe version this build writes and runs. */
export const CURRENT_RECIPE_VERSION = 1;

export interface StoredRecipe {
  name: string;
  /** The `version` field of the stored JSON (NaN when unreadable). */
  version: number;
  /** `current` runs as is; `older` / `newer` need a migration or a newer SegmentKit; `unreadable` is damaged. */
  status: 'current' | 'older' | 'newer' | 'unreadable';
  /** The stored JSON (null when unreadable). */
  recipe: unknown;
  /** What to tell the user when status is not `current`. */
  message?: string;
}

const MAX_NAME = 100;

/**
 * Saves (or replaces) a named recipe in the workbook.
 *
 * @example
 * await saveRecipe('Q3 support tiers', { version: 1, models: [] });
 */
export async function saveRecipe(name: string, recipe: unknown): Promise<void> {
  checkName(name);
  if (typeof recipe !== 'object' || recipe === null || Array.isArray(recipe) || typeof (recipe as { version?: unknown }).version !== 'number') {
    throw new SegmentKitError('E_RECIPE_INVALID', 'A recipe must be a JSON object with a numeric "version"', { location: { path: 'version' }, hint: 'Save the recipe the notebook built, not a hand-made value.' });
  }
  const xml = recipeXml(name, (recipe as { version: number }).version, JSON.stringify(recipe));
  await excelApi().run(async (context) => {
    const parts = await recipeParts(context);
    for (const p of parts) if (p.name === name) p.part.delete();
    context.workbook.customXmlParts.add(xml);
    await context.sync();
  });
  announceRecipesChanged();
}

/**
 * Lists the workbook's recipes, each with a status saying whether this SegmentKit can run it.
 *
 * @example
 * const recipes = await loadRecipes();
 * recipes.filter((r) => r.status !== 'current').forEach((r) => console.warn(r.message));
 */
export async function loadRecipes(currentVersion = CURRENT_RECIPE_VERSION): Promise<StoredRecipe[]> {
  return excelApi().run(async (context) => {
    const parts = await recipeParts(context);
    return parts.map((p) => p.stored(currentVersion)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  });
}

/**
 * Removes a named recipe.
 *
 * @example
 * await deleteRecipe('Old tiers');
 */
export async function deleteRecipe(name: string): Promise<void> {
  checkName(name);
  await excelApi().run(async (context) => {
    const parts = await recipeParts(context);
    const hits = parts.filter((p) => p.name === name);
    if (hits.length === 0) {
      throw new SegmentKitError('E_RECIPE_NOT_FOUND', `There is no recipe named "${name}" in this workbook`, { hint: `Saved recipes: ${parts.map((p) => `"${p.name}"`).join(', ') || 'none'}.` });
    }
    for (const p of hits) p.part.delete();
    await context.sync();
  });
}

function checkName(name: string): void {
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME) {
    throw new SegmentKitError('E_RECIPE_NAME', `A recipe name must be 1–${MAX_NAME} characters and not blank`, { hint: 'Type a short name such as "Support tiers".' });
  }
}

interface FoundPart {
  part: Excel.CustomXmlPart;
  name: string;
  stored(currentVersion: number): StoredRecipe;
}

async function recipeParts(context: Excel.RequestContext): Promise<FoundPart[]> {
  const parts = context.workbook.customXmlParts.getByNamespace(RECIPE_NAMESPACE);
  parts.load('items/id');
  await context.sync();
  const xmls = parts.items.map((p) => p.getXml());
  await context.sync();
  return parts.items.map((part, i) => {
    const parsed = parseRecipeXml(xmls[i]!.value);
    return { part, name: parsed.name, stored: (current: number) => describe(parsed, current) };
  });
}

function recipeXml(name: string, version: number, json: string): string {
  return `<recipe xmlns="${RECIPE_NAMESPACE}" name="${escapeXml(name)}" version="${version}">${escapeXml(json)}</recipe>`;
}

function parseRecipeXml(xml: string): { name: string; json: string | null } {
  const m = /<(?:\w+:)?recipe\b([^>]*)>([\s\S]*)<\/(?:\w+:)?recipe>/.exec(xml);
  const name = m ? /\bname="([^"]*)"/.exec(m[1]!)?.[1] : undefined;
  return { name: name === undefined ? '(unnamed)' : unescapeXml(name), json: m ? unescapeXml(m[2]!) : null };
}

function describe(parsed: { name: string; json: string | null }, current: number): StoredRecipe {
  let recipe: unknown = null;
  try {
    recipe = parsed.json === null ? null : JSON.parse(parsed.json);
  } catch {
    recipe = null;
  }
  const version = typeof (recipe as { version?: unknown } | null)?.version === 'number' ? (recipe as { version: number }).version : NaN;
  if (recipe === null || Number.isNaN(version)) {
    return { name: parsed.name, version: NaN, status: 'unreadable', recipe: null, message: `Recipe "${parsed.name}" is damaged and cannot be read. Delete it and save it again.` };
  }
  if (version > current) {
    return { name: parsed.name, version, status: 'newer', recipe, message: `Recipe "${parsed.name}" was saved by a newer SegmentKit (recipe version ${version}; this one runs version ${current}). Update SegmentKit to run it.` };
  }
  if (version < current) {
    return { name: parsed.name, version, status: 'older', recipe, message: `Recipe "${parsed.name}" was saved by an older SegmentKit (recipe version ${version}; this one runs version ${current}). It needs upgrading before it runs.` };
  }
  return { name: parsed.name, version, status: 'current', recipe };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
