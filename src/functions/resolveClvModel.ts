import type { ClvModel } from '../core/clv/ClvModel';
import { assertClvModel } from '../core/clv/clvModelPredictions';
import { isSegmentKitError } from '../core/errors/SegmentKitError';
import type { Recipe } from '../core/recipe/Recipe';
import { isBlank, isOmitted, type Matrix } from './Cell';
import { findModel } from './findModel';
import { functionError, type FunctionError } from './FunctionError';
import { parseModelSelector } from './parseModelSelector';

const EXPLICIT_HELP =
  'give a recipe name (or "recipe/model"), or the parameters as a range: r, alpha, a, b (BG/NBD) or "paretonbd", r, alpha, s, beta, each optionally followed by the Gamma-Gamma p, q, gamma';

/** Every number a 4- or 7-number parameter range may hold, named as the help names them. */
const NAMES = {
  bgnbd: ['r', 'alpha', 'a', 'b'],
  paretonbd: ['r', 'alpha', 's', 'beta'],
} as const;

function fromFitted(fitted: Record<string, unknown>): ClvModel {
  const inner = fitted.model;
  return (typeof inner === 'object' && inner !== null ? inner : fitted) as unknown as ClvModel;
}

function explicitModel(cells: Matrix): ClvModel | FunctionError {
  const flat = cells.flat().filter((c) => !isBlank(c));
  let kind: 'bgnbd' | 'paretonbd' = 'bgnbd';
  if (typeof flat[0] === 'string') {
    const name = flat[0].trim().toLowerCase().replace(/[\s/_-]/g, '');
    if (name !== 'bgnbd' && name !== 'paretonbd') return functionError('invalidValue', `parameters: unknown model "${flat[0]}"; ${EXPLICIT_HELP}`);
    kind = name;
    flat.shift();
  }
  if ((flat.length !== 4 && flat.length !== 7) || flat.some((c) => typeof c !== 'number')) {
    return functionError('invalidValue', `parameters: expected 4 or 7 numbers, got ${flat.length} cells; ${EXPLICIT_HELP}`);
  }
  const v = flat as number[];
  const bad = v.findIndex((x) => !(x > 0) || !Number.isFinite(x));
  if (bad >= 0) {
    const name = bad < 4 ? NAMES[kind][bad] : ['p', 'q', 'gamma'][bad - 4];
    return functionError('invalidNumber', `parameter ${name} must be a number > 0`);
  }
  const params = kind === 'bgnbd' ? { r: v[0], alpha: v[1], a: v[2], b: v[3] } : { r: v[0], alpha: v[1], s: v[2], beta: v[3] };
  const base = { version: 1 as const, timeUnit: 'week' as const, logLikelihood: NaN, converged: true, iterations: 0, gradientNorm: 0 };
  const gammaGamma = v.length === 7 ? { gammaGamma: { params: { p: v[4], q: v[5], gamma: v[6] }, logLikelihood: NaN, converged: true, iterations: 0, correlation: NaN, warnings: [] } } : {};
  return (kind === 'bgnbd' ? { model: 'bgnbd', params, ...base, ...gammaGamma } : { model: 'paretonbd', params, ...base, ...gammaGamma }) as ClvModel;
}

/**
 * The CLV model a function uses: the workbook's fitted CLV model (the first, or the one named
 * by "recipe" or "recipe/model"), or explicit parameters typed into cells. Explicit parameters
 * carry no time unit: inputs must then be in the unit the parameters were estimated in.
 *
 * @example
 * resolveClvModel([[0.2426], [4.4135], [0.7929], [2.4258]], []); // BG/NBD with the CDNOW parameters
 */
export function resolveClvModel(arg: Matrix | undefined, recipes: readonly Recipe[]): { model: ClvModel; explicit: boolean } | FunctionError {
  let recipe: string | undefined;
  let modelId: string | undefined;
  if (!isOmitted(arg)) {
    const cells = arg as Matrix;
    const only = cells.length === 1 && cells[0].length === 1 ? cells[0][0] : undefined;
    if (typeof only === 'string' && !/^(bg\W*nbd|pareto\W*nbd)$/i.test(only.trim())) {
      ({ recipe, model: modelId } = parseModelSelector(only));
    } else {
      const model = explicitModel(cells);
      return 'params' in model ? { model, explicit: true } : model;
    }
  }
  const found = findModel(recipes, { recipe, model: modelId, kinds: ['clv'], what: 'CLV model' });
  if (!('spec' in found)) return found;
  const model = fromFitted(found.spec.fitted as Record<string, unknown>);
  try {
    assertClvModel(model);
  } catch (e) {
    if (isSegmentKitError(e)) return functionError('invalidValue', `the stored CLV model "${found.spec.id}" is damaged: ${e.detail}; refit it in the SegmentKit pane`);
    throw e;
  }
  return { model, explicit: false };
}
