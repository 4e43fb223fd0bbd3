import { isSegmentKitError } from '../core/errors/SegmentKitError';
import type { ValueFitted } from '../core/models/value/valueModel';
import type { Recipe } from '../core/recipe/Recipe';
import { isOmitted, type Cell, type Matrix, type ResultMatrix } from './Cell';
import { Batcher, type Schedule } from './Batcher';
import { clvCells } from './clvCells';
import { costToServeCells } from './costToServeCells';
import { expectedPurchasesCells } from './expectedPurchasesCells';
import { findModel } from './findModel';
import { functionError, isFunctionError } from './FunctionError';
import { lifecycleCells } from './lifecycleCells';
import { pAliveCells } from './pAliveCells';
import { parseModelSelector } from './parseModelSelector';
import { RecipeCache } from './RecipeCache';
import type { RecipeStore } from './RecipeStore';
import { resolveClvModel } from './resolveClvModel';
import { resolveRfmCutpoints, resolveRfmRules } from './resolveRfmModel';
import { rfmScoreCells } from './rfmScoreCells';
import { rfmSegmentCells } from './rfmSegmentCells';
import { segmentCells } from './segmentCells';
import { valueTierCells } from './valueTierCells';

/** An argument as Excel may pass it: a range (matrix), a single value, or nothing. */
export type Arg = Matrix | Cell;

/** What every function returns: a spilled matrix, never a thrown exception. */
export type Result = Promise<ResultMatrix>;

export interface SegmentKitFunctions {
  segment(values: Arg, recipe?: Arg, model?: Arg): Result;
  rfmScore(recency: Arg, frequency: Arg, monetary: Arg, cutpoints?: Arg): Result;
  rfmSegment(score: Arg, ruleset?: Arg): Result;
  clv(frequency: Arg, recency: Arg, T: Arg, monetary: Arg, horizon?: Arg, discount?: Arg, recipe?: Arg): Result;
  pAlive(frequency: Arg, recency: Arg, T: Arg, recipe?: Arg): Result;
  expectedPurchases(t: Arg, frequency: Arg, recency: Arg, T: Arg, recipe?: Arg): Result;
  valueTier(value: Arg, values: Arg): Result;
  lifecycle(first: Arg, last: Arg, asOf?: Arg, recipe?: Arg): Result;
  costToServe(contacts: Arg, channels: Arg, costs?: Arg): Result;
  /** Group runs so far per batcher: lets tests and benchmarks see batching at work. */
  readonly stats: { segmentRuns: number; recipeRuns: number };
}

function matrix(arg: Arg): Matrix {
  if (Array.isArray(arg)) return arg.length === 0 ? [[null]] : arg;
  return [[arg as Cell]];
}

function optional(arg: Arg | undefined): Matrix | undefined {
  return isOmitted(arg as Matrix | Cell | undefined) ? undefined : matrix(arg as Arg);
}

function text(arg: Arg | undefined, label: string): string | undefined | ReturnType<typeof functionError> {
  const m = optional(arg);
  if (!m) return undefined;
  const only = m.length === 1 && m[0].length === 1 ? m[0][0] : undefined;
  if (typeof only !== 'string') return functionError('invalidValue', `${label} must be a name (text)`);
  return only.trim();
}

/** An engine error the checks did not foresee, as a cell error with its message. */
function failure(e: unknown): ResultMatrix {
  const message = isSegmentKitError(e) ? e.detail : e instanceof Error ? e.message : String(e);
  return [[functionError('invalidValue', message)]];
}

function safely(compute: () => ResultMatrix): ResultMatrix {
  try {
    return compute();
  } catch (e) {
    return failure(e);
  }
}

/**
 * The SK functions with their recipe store injected: recipes cached until the store reports a
 * change, `SEGMENT` calls of one tick grouped per recipe and model (one model application for
 * all of them), every other recipe-reading call grouped so a recalculation reads recipes once.
 *
 * @example
 * const sk = createFunctions(new MemoryRecipeStore([fittedRecipe]));
 * await sk.segment([['recency', 'frequency', 'monetary'], [12, 4, 310]]); // [['Champions']]
 */
export function createFunctions(store: RecipeStore, schedule?: Schedule): SegmentKitFunctions {
  const cache = new RecipeCache(store);
  const segmentBatcher = new Batcher<Matrix, ResultMatrix>(async (key, requests) => {
    const recipes = await cache.recipes();
    const { recipe, model } = JSON.parse(key) as { recipe?: string; model?: string };
    const found = findModel(recipes, { recipe, model, what: 'model' });
    if (isFunctionError(found)) return requests.map(() => [[found]]);
    try {
      return segmentCells(found, requests);
    } catch (e) {
      return requests.map(() => failure(e));
    }
  }, schedule);
  const recipeBatcher = new Batcher<(recipes: readonly Recipe[]) => ResultMatrix, ResultMatrix>(async (_key, requests) => {
    const recipes = await cache.recipes();
    return requests.map((compute) => safely(() => compute(recipes)));
  }, schedule);
  const withRecipes = (compute: (recipes: readonly Recipe[]) => ResultMatrix): Result => recipeBatcher.call(String(cache.generation), compute);

  return {
    get stats() {
      return { segmentRuns: segmentBatcher.runs, recipeRuns: recipeBatcher.runs };
    },
    async segment(values, recipe, model) {
      const recipeName = text(recipe, 'recipe');
      const modelId = text(model, 'model');
      if (isFunctionError(recipeName)) return [[recipeName]];
      if (isFunctionError(modelId)) return [[modelId]];
      const selector = recipeName !== undefined && modelId === undefined && recipeName.includes('/') ? parseModelSelector(recipeName) : { recipe: recipeName, model: modelId };
      return segmentBatcher.call(JSON.stringify({ ...selector, g: cache.generation }), matrix(values));
    },
    rfmScore(recency, frequency, monetary, cutpoints) {
      return withRecipes((recipes) => {
        const source = resolveRfmCutpoints(optional(cutpoints), recipes);
        return isFunctionError(source) ? [[source]] : rfmScoreCells(source, matrix(recency), matrix(frequency), matrix(monetary));
      });
    },
    rfmSegment(score, ruleset) {
      return withRecipes((recipes) => {
        const source = resolveRfmRules(optional(ruleset), recipes);
        return isFunctionError(source) ? [[source]] : rfmSegmentCells(source, matrix(score));
      });
    },
    clv(frequency, recency, T, monetary, horizon, discount, recipe) {
      return withRecipes((recipes) => {
        const m = resolveClvModel(optional(recipe), recipes);
        return isFunctionError(m) ? [[m]] : clvCells(m.model, matrix(frequency), matrix(recency), matrix(T), matrix(monetary), optional(horizon), optional(discount), m.explicit);
      });
    },
    pAlive(frequency, recency, T, recipe) {
      return withRecipes((recipes) => {
        const m = resolveClvModel(optional(recipe), recipes);
        return isFunctionError(m) ? [[m]] : pAliveCells(m.model, matrix(frequency), matrix(recency), matrix(T), m.explicit);
      });
    },
    expectedPurchases(t, frequency, recency, T, recipe) {
      return withRecipes((recipes) => {
        const m = resolveClvModel(optional(recipe), recipes);
        return isFunctionError(m) ? [[m]] : expectedPurchasesCells(m.model, matrix(t), matrix(frequency), matrix(recency), matrix(T), m.explicit);
      });
    },
    async valueTier(value, values) {
      return safely(() => valueTierCells(matrix(value), matrix(values)));
    },
    lifecycle(first, last, asOf, recipe) {
      return withRecipes((recipes) => {
        const name = text(recipe, 'recipe');
        if (isFunctionError(name)) return [[name]];
        const found = findModel(recipes, { ...(name === undefined ? {} : parseModelSelector(name)), kinds: ['lifecycle'], what: 'lifecycle model' });
        if (isFunctionError(found) && name !== undefined) return [[found]];
        return lifecycleCells(matrix(first), matrix(last), optional(asOf), isFunctionError(found) ? undefined : found);
      });
    },
    costToServe(contacts, channels, costs) {
      return withRecipes((recipes) => {
        const found = findModel(recipes, { kinds: ['value'], what: 'value model' });
        const stored = isFunctionError(found) ? undefined : (found.spec.fitted as unknown as ValueFitted).costPerContact;
        return costToServeCells(matrix(contacts), matrix(channels), optional(costs), stored);
      });
    },
  };
}
