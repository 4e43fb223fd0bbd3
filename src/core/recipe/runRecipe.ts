import type { CustomerTable } from '../customers/CustomerTable';
import { SegmentKitError } from '../errors/SegmentKitError';
import { defaultRegistry } from '../models/defaultRegistry';
import type { ModelRegistry } from '../models/ModelRegistry';
import type { ModelContext, ModelResult } from '../models/SegmentModel';
import { defaultPlaybook } from '../playbook/defaultPlaybook';
import type { PlaybookEntry } from '../playbook/PlaybookEntry';
import { playbookToSummaryTable } from '../playbook/playbookToSummaryTable';
import { createRng, type Rng } from '../random/createRng';
import { dayNumberFromIso, isoFromDayNumber } from '../table/dayNumber';
import type { Recipe } from './Recipe';
import { validateRecipe } from './validateRecipe';

export interface RunProgress {
  modelId: string;
  /** 0-based model index and the number of models. */
  index: number;
  total: number;
  phase: 'fit' | 'apply';
}

export interface RunOptions {
  registry?: ModelRegistry;
  /** Overrides the recipe's seed. */
  seed?: number;
  /** Overrides the seeded generator entirely (each model still gets its own derived stream). */
  rng?: Rng;
  onProgress?: (p: RunProgress) => void;
  /**
   * Fitted parameters by model id, computed outside (e.g. a k-means fit in worker threads, from
   * {@link modelContext}): those models skip `fit` and are applied with these. They must be what
   * the model's `fit` returns for the same customers, settings and context; `apply` then gets the
   * context without `fit`'s draws, so only models whose `apply` draws nothing (k-means) qualify.
   */
  prefitted?: Readonly<Record<string, Record<string, unknown>>>;
}

export interface RunOutput {
  results: ModelResult[];
  /** The recipe with every model's `fitted` filled, `asOf` fixed and the playbook completed. */
  fitted: Recipe;
}

/** FNV-1a of the model id, so each model's random stream depends on its id, not its position. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function contextFor(recipe: Recipe, index: number, asOf: number, base: number): ModelContext {
  const id = recipe.models[index].id;
  return { modelId: id, settingsPath: `models[${index}].settings`, rng: createRng((base ^ hashId(id)) >>> 0), asOf, segmentNames: recipe.segmentNames?.[id] ?? {} };
}

/**
 * The context {@link runRecipe} gives the recipe's model at `index` (its own seeded random
 * stream, `asOf`, renames), for an adapter that fits that model itself and passes the result as
 * `prefitted`. `recipe` is a validated recipe; `seed` overrides its seed as in runRecipe.
 *
 * @example
 * const ctx = modelContext(customers, recipe, 1);
 * const fitted = await fitInWorkers(customers, recipe.models[1].settings, ctx);
 * runRecipe(customers, recipe, { prefitted: { [recipe.models[1].id]: fitted } });
 */
export function modelContext(customers: CustomerTable, recipe: Recipe, index: number, seed?: number): ModelContext {
  return contextFor(recipe, index, asOfOf(customers, recipe), seed ?? recipe.seed);
}

function asOfOf(customers: CustomerTable, recipe: Recipe): number {
  return recipe.asOf ? dayNumberFromIso(recipe.asOf) : customers.asOf;
}

function checkInputs(customers: CustomerTable, recipe: Recipe, registry: ModelRegistry): void {
  recipe.models.forEach((m, i) => {
    const missing = registry.find(m.kind)!.requires(customers, m.settings as never);
    if (missing.length) {
      throw new SegmentKitError('E_MODEL_INPUT_MISSING', missing.join('; '), { location: { path: `models[${i}]` }, hint: 'Map the missing columns to roles, or remove this model from the recipe.' });
    }
  });
}

/** Adds the playbook sheet table and returns the model's completed playbook entries. */
function attachPlaybook(result: ModelResult, stored: Readonly<Record<string, PlaybookEntry>> | undefined, ageFeature: string | undefined): Record<string, PlaybookEntry> {
  const entries: Record<string, PlaybookEntry> = {};
  for (const seg of result.profile.segments) entries[seg.name] = stored?.[seg.name] ?? defaultPlaybook(seg, ageFeature);
  result.sheets[0]?.tables.push(playbookToSummaryTable(`${result.modelId} playbook`, result.segmentNames, entries));
  return entries;
}

/**
 * Validates the recipe, fits every model on `customers` and applies it. Same recipe + data +
 * seed gives byte-identical JSON. Models missing inputs stop the run with E_MODEL_INPUT_MISSING
 * before any work is done.
 *
 * @example
 * const { results, fitted } = runRecipe(customers, defaultRecipe(customers.roles));
 * // store `fitted` in the workbook; =SK.SEGMENT() later calls applyRecipe(rows, fitted)
 */
export function runRecipe(customers: CustomerTable, input: unknown, options: RunOptions = {}): RunOutput {
  const registry = options.registry ?? defaultRegistry;
  const recipe = validateRecipe(input, registry);
  checkInputs(customers, recipe, registry);
  const asOf = asOfOf(customers, recipe);
  const base = options.rng ? Math.floor(options.rng.next() * 0x100000000) : (options.seed ?? recipe.seed);
  const results: ModelResult[] = [];
  const playbook: Record<string, Record<string, PlaybookEntry>> = {};
  const overallMedians = new WeakMap<Float64Array, number | null>();
  const models = recipe.models.map((spec, index) => {
    const model = registry.find(spec.kind)!;
    const ctx = { ...contextFor(recipe, index, asOf, base), overallMedians };
    const total = recipe.models.length;
    options.onProgress?.({ modelId: spec.id, index, total, phase: 'fit' });
    const fitted = options.prefitted?.[spec.id] ?? (model.fit(customers, spec.settings as never, ctx) as Record<string, unknown>);
    options.onProgress?.({ modelId: spec.id, index, total, phase: 'apply' });
    const result = model.apply(customers, spec.settings as never, fitted as never, ctx);
    playbook[spec.id] = attachPlaybook(result, recipe.playbook?.[spec.id], customers.roles.age);
    results.push(result);
    return { ...spec, fitted };
  });
  return { results, fitted: { ...recipe, asOf: isoFromDayNumber(asOf), models, playbook } };
}

/**
 * Scores rows with a fitted recipe's stored parameters, without refitting (what `=SK.SEGMENT()`
 * and "re-run on new data" do). Every model needs its `fitted` part (E_RECIPE_NOT_FITTED).
 *
 * @example
 * const results = applyRecipe(newCustomers, JSON.parse(storedRecipeJson));
 */
export function applyRecipe(customers: CustomerTable, input: unknown, options: Pick<RunOptions, 'registry' | 'onProgress'> = {}): ModelResult[] {
  const registry = options.registry ?? defaultRegistry;
  const recipe = validateRecipe(input, registry);
  recipe.models.forEach((m, i) => {
    if (!m.fitted) throw new SegmentKitError('E_RECIPE_NOT_FITTED', `model "${m.id}" has no fitted parameters`, { location: { path: `models[${i}].fitted` }, hint: 'Run the recipe once on your data (runRecipe) and store the fitted recipe it returns.' });
  });
  checkInputs(customers, recipe, registry);
  const asOf = asOfOf(customers, recipe);
  return recipe.models.map((spec, index) => {
    options.onProgress?.({ modelId: spec.id, index, total: recipe.models.length, phase: 'apply' });
    const ctx = contextFor(recipe, index, asOf, recipe.seed);
    const result = registry.find(spec.kind)!.apply(customers, spec.settings as never, spec.fitted as never, ctx);
    attachPlaybook(result, recipe.playbook?.[spec.id], customers.roles.age);
    return result;
  });
}
