import { SegmentKitError } from '../errors/SegmentKitError';
import type { ClvModel } from './ClvModel';
import { clvPAlive } from './clvModelPredictions';

/**
 * P(alive) of one customer over time, for a chart: at each t (in the model's unit, measured from
 * the first purchase) the history is what was known then (x = purchases so far − 1, t_x = last
 * purchase so far, T = t). Purchases at the same time count once.
 *
 * @example
 * pAliveOverTime(model, [0, 4, 10], 20, 1); // [{ t: 0, pAlive: 1 }, …, { t: 20, pAlive: 0.6… }]
 */
export function pAliveOverTime(model: ClvModel, purchaseTimes: ArrayLike<number>, until: number, step = 1): { t: number; pAlive: number }[] {
  const times = Array.from(purchaseTimes).sort((a, b) => a - b);
  if (times.length === 0 || times.some((v) => !Number.isFinite(v))) {
    throw new SegmentKitError('E_CLV_INVALID_VALUE', 'The purchase times are empty or not all numbers', {
      location: { path: 'purchaseTimes' },
      hint: 'Pass the customer’s purchase times in the model’s time unit.',
    });
  }
  if (!(step > 0) || !(until >= 0)) {
    throw new SegmentKitError('E_CLV_INVALID_VALUE', `until = ${until} and step = ${step} must be ≥ 0 and > 0`, {
      location: { path: 'step' },
      hint: 'Use a positive step, e.g. 1 period.',
    });
  }
  const first = times[0];
  const out: { t: number; pAlive: number }[] = [];
  let seen = 0;
  let distinct = 0;
  let last = first;
  const points = Math.floor(until / step + 1e-9);
  for (let k = 0; k <= points; k++) {
    const t = k * step;
    while (seen < times.length && times[seen] - first <= t) {
      if (distinct === 0 || times[seen] !== last) distinct++;
      last = times[seen];
      seen++;
    }
    out.push({ t, pAlive: clvPAlive(model, distinct - 1, last - first, t) });
  }
  return out;
}
