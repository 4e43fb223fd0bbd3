import { SegmentKitError } from '../errors/SegmentKitError';
import { bgNbdExpectedPurchases, bgNbdExpectedPurchasesIfAlive, bgNbdPAlive } from './bgNbdPredictions';
import type { ClvModel } from './ClvModel';
import { paretoNbdExpectedPurchases, paretoNbdExpectedPurchasesIfAlive, paretoNbdPAlive } from './paretoNbdPredictions';

/**
 * P(alive) of a customer under a stored model (BG/NBD or Pareto/NBD); what `=SK.PALIVE()` returns.
 *
 * @example
 * clvPAlive(model, 2, 30.43, 38.86); // 0.7266 with the CDNOW BG/NBD model
 */
export function clvPAlive(model: ClvModel, x: number, tx: number, T: number): number {
  return model.model === 'bgnbd' ? bgNbdPAlive(model.params, x, tx, T) : paretoNbdPAlive(model.params, x, tx, T);
}

/**
 * Expected purchases in (T, T+t] if the customer is alive at T; depends on x and T only.
 *
 * @example
 * clvExpectedPurchasesIfAlive(model, 2, 38.86, 39) * clvPAlive(model, 2, 30.43, 38.86); // 1.226
 */
export function clvExpectedPurchasesIfAlive(model: ClvModel, x: number, T: number, t: number): number {
  return model.model === 'bgnbd' ? bgNbdExpectedPurchasesIfAlive(model.params, x, T, t) : paretoNbdExpectedPurchasesIfAlive(model.params, x, T, t);
}

/**
 * Expected purchases of a customer with history (x, t_x, T) in the next t periods.
 *
 * @example
 * clvConditionalExpectedPurchases(model, 39, 2, 30.43, 38.86); // 1.226 with the CDNOW BG/NBD model
 */
export function clvConditionalExpectedPurchases(model: ClvModel, t: number, x: number, tx: number, T: number): number {
  return clvPAlive(model, x, tx, T) * clvExpectedPurchasesIfAlive(model, x, T, t);
}

/**
 * Expected purchases in (0, t] of a new customer.
 *
 * @example
 * clvExpectedPurchases(model, 78); // 1.8576 with the CDNOW BG/NBD model
 */
export function clvExpectedPurchases(model: ClvModel, t: number): number {
  return model.model === 'bgnbd' ? bgNbdExpectedPurchases(model.params, t) : paretoNbdExpectedPurchases(model.params, t);
}

const PARAM_NAMES = { bgnbd: ['r', 'alpha', 'a', 'b'], paretonbd: ['r', 'alpha', 's', 'beta'] } as const;

/**
 * Checks a model read back from a recipe (it may have been edited by hand): known model name,
 * every parameter a positive finite number. Throws SegmentKitError with the JSON path.
 *
 * @example
 * assertClvModel(JSON.parse(recipeText).models[0].fitted);
 */
export function assertClvModel(model: ClvModel): void {
  const names: readonly string[] | undefined = PARAM_NAMES[model?.model as keyof typeof PARAM_NAMES];
  if (!names) {
    throw new SegmentKitError('E_CLV_MODEL', `Unknown CLV model "${String(model?.model)}"`, {
      location: { path: 'model' },
      hint: 'Use "bgnbd" or "paretonbd", or refit the model.',
    });
  }
  const params = model.params as unknown as Record<string, unknown>;
  for (const name of names) {
    const v = params?.[name];
    if (typeof v !== 'number' || !(v > 0) || v === Infinity) {
      throw new SegmentKitError('E_CLV_MODEL_PARAMS', `Parameter ${name} = ${String(v)} is not a positive number`, {
        location: { path: `params.${name}` },
        hint: 'Refit the CLV model; stored parameters must be positive numbers.',
      });
    }
  }
}
