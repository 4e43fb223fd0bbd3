import { readFile } from 'node:fs/promises';
import type { CustomerTable } from '../../core/customers/CustomerTable';
import { buildCustomerTable, type SheetRoles } from '../../core/customers/buildCustomerTable';
import { SegmentKitError } from '../../core/errors/SegmentKitError';
import { kmeansFitStep, type KmeansFitStep, type KmeansSettings } from '../../core/models/kmeans/kmeansModel';
import { defaultRegistry } from '../../core/models/defaultRegistry';
import type { ModelResult } from '../../core/models/SegmentModel';
import { qualityOfResult } from '../../core/quality/qualityOfResult';
import type { SegmentQuality } from '../../core/quality/checkSegmentQuality';
import { defaultRecipe } from '../../core/recipe/defaultRecipe';
import type { Recipe } from '../../core/recipe/Recipe';
import { applyRecipe, modelContext, runRecipe, type RunProgress } from '../../core/recipe/runRecipe';
import { validateRecipe } from '../../core/recipe/validateRecipe';
import { chooseKInWorkers, fitKmeansInWorkers } from '../../io/kmeansWorkers';
import { loadSheets, type LoadOptions } from './loadSheets';

export interface SegmentOptions extends LoadOptions {
  recipePath?: string;
  /** Model kinds to run when no recipe is given; 'all' = every kind the data supports. */
  models?: string[] | 'all';
  asOf?: number;
  seed?: number;
  /** Refit a fitted recipe instead of re-applying its stored parameters. */
  refit?: boolean;
  /** Per-kind settings from flags, e.g. { kmeans: { k: 'auto', features: [...] } }. */
  settings?: Record<string, Record<string, unknown>>;
  onProgress?: (p: RunProgress) => void;
  /** Threads for k-means fits on all customers (default: the machine's parallelism). */
  threads?: number;
}

export interface Segmentation {
  customers: CustomerTable;
  rows: number;
  results: ModelResult[];
  recipe: Recipe;
  quality: SegmentQuality[];
  /** Kinds left out of `--models all` because the data lacks their inputs. */
  skippedModels: { kind: string; why: string }[];
  sheetNames: string[];
  /** The sheets as read, for writing them into the output workbook unchanged. */
  inputs: SheetRoles[];
}

/**
 * The whole in-process pipeline behind `segmentkit segment`: read → roles → one row per
 * customer → recipe (given, or built from --models) → fit or re-apply → quality check.
 */
export async function segmentFiles(files: string[], options: SegmentOptions): Promise<Segmentation> {
  let given: Recipe | undefined;
  if (options.recipePath) given = validateRecipe(await readJson(options.recipePath), defaultRegistry);
  const input = await loadSheets(files, { ...options, roles: { ...given?.roles, ...options.roles } });
  const customers = buildCustomerTable(input.sheets, { asOf: options.asOf });
  const skippedModels: { kind: string; why: string }[] = [];
  let recipe: Recipe;
  if (given) recipe = options.seed !== undefined ? { ...given, seed: options.seed } : given;
  else {
    let kinds = options.models === 'all' || !options.models ? defaultRegistry.kinds().filter((k) => k !== 'rules') : options.models;
    if (options.models === 'all' || !options.models) {
      kinds = kinds.filter((kind) => {
        const model = defaultRegistry.find(kind)!;
        const settings = defaultRecipe(customers.roles, [kind], { settings: options.settings }).models[0].settings;
        const why = model.requires(customers, settings as never);
        if (why.length) skippedModels.push({ kind, why: why.join('; ') });
        return why.length === 0;
      });
    }
    for (const kind of kinds) {
      if (!defaultRegistry.has(kind)) {
        throw new SegmentKitError('E_ARGUMENT', `--models lists "${kind}", which is not a model`, { hint: `Use some of: ${defaultRegistry.kinds().join(', ')}, or all.` });
      }
    }
    // A recipe's roles describe the user's sheets (what a colleague maps, what SQL reads), so
    // transaction roles win over customer-sheet roles of the same name.
    const sourceRoles = Object.assign({}, ...input.sheets.filter((x) => x.kind !== 'transactions').map((x) => x.roles), ...input.sheets.filter((x) => x.kind === 'transactions').map((x) => x.roles));
    recipe = defaultRecipe(sourceRoles, kinds, { seed: options.seed, settings: options.settings });
  }
  const fitted = recipe.models.every((m) => m.fitted) && !options.refit;
  let results: ModelResult[];
  if (fitted) results = applyRecipe(customers, recipe, { onProgress: options.onProgress });
  else {
    const prefitted = await prefitKmeans(customers, recipe, options.threads);
    const run = runRecipe(customers, recipe, { onProgress: options.onProgress, prefitted });
    results = run.results;
    recipe = run.fitted;
  }
  const quality = results.map((r) => qualityOfResult(customers, r, recipe));
  return { customers, rows: input.rows, results, recipe, quality, skippedModels, sheetNames: input.sheets.map((s) => s.name), inputs: input.sheets };
}

/** Below this many customers a k-means fit is quicker in this thread than shared with a worker (one starts from its bundle in about 20 ms). */
const WORKER_MIN_ROWS = 50_000;

/**
 * Fits the recipe's k-means models on all customers with the candidate k (for "auto") and the
 * initialisations spread over worker threads, for runRecipe to use instead of fitting them in
 * this thread (same context, same seed, so the same model to the bit). A model whose inputs or
 * settings are wrong is left to runRecipe, which reports the recipe's problems in their order.
 */
async function prefitKmeans(customers: CustomerTable, input: Recipe, threads: number | undefined): Promise<Record<string, Record<string, unknown>>> {
  const prefitted: Record<string, Record<string, unknown>> = {};
  if (!input.models.some((m) => m.kind === 'kmeans')) return prefitted;
  const recipe = validateRecipe(input, defaultRegistry);
  if (recipe.models.some((m) => defaultRegistry.find(m.kind)!.requires(customers, m.settings as never).length)) return prefitted;
  for (const [index, spec] of recipe.models.entries()) {
    if (spec.kind !== 'kmeans') continue;
    let step: KmeansFitStep;
    try {
      step = kmeansFitStep(customers, spec.settings as unknown as KmeansSettings, modelContext(customers, recipe, index));
    } catch (e) {
      if (e instanceof SegmentKitError) continue;
      throw e;
    }
    // Each candidate k is a k-means fit plus an exact silhouette on up to 20,000 rows (about
    // half a second each), worth a worker even on a small sample.
    const plan = 'choose' in step ? step.chosen(await chooseKInWorkers(step.choose.sample, step.choose.options, { threads })) : step;
    if ('fitted' in plan) {
      prefitted[spec.id] = plan.fitted as unknown as Record<string, unknown>;
      continue;
    }
    const pool = { threads: plan.prepared.n < WORKER_MIN_ROWS ? 1 : threads };
    prefitted[spec.id] = plan.finish(await fitKmeansInWorkers(plan.prepared, plan.options, pool)) as unknown as Record<string, unknown>;
  }
  return prefitted;
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new SegmentKitError('E_FILE_NOT_FOUND', 'The recipe file cannot be read', { location: { file: path }, hint: 'Check the path given to --recipe.' });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SegmentKitError('E_RECIPE_JSON', `The recipe is not valid JSON (${e instanceof Error ? e.message : String(e)})`, { location: { file: path }, hint: 'Save the recipe again from SegmentKit, or fix the JSON syntax.' });
  }
}
